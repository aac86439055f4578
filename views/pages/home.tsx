/**
 * `/`: the map of the entities coloured by status at a date, the date slider, the legend with counts, downloads and
 * the embed code, and the same data as a sortable table. `/partials/status` returns the parts the slider swaps.
 */
import { dayText } from '../i18n/index.js';
import { Layout, withQuery, type PageCtx } from '../layout.js';
import type { StatusData, StatusRow } from '../data.js';
import { Legend, StatusMap } from '../components/map.js';
import { StatusTable, sinceText, type SortDir, type SortKey } from '../components/status-table.js';
import { StatusBadge } from '../components/facts.js';

export const SLIDER_START = '2000-01-01';

export interface HomeProps {
  ctx: PageCtx;
  data: StatusData;
  today: string;
  sort: SortKey;
  dir: SortDir;
  origin: string;
  error?: string;
}

function FederationCard({ row, ctx }: { row: StatusRow | undefined; ctx: PageCtx }) {
  if (!row) return null;
  const since = sinceText(row, ctx.lang);
  const ev = row.evidence[0];
  return (
    <div class="federation-card" id="federation-card">
      <p class="federation-label">{ctx.t.home.federation}</p>
      <p>
        <a href={`/states/${row.id}`} class="federation-name">{row.name}</a>{' '}
        <StatusBadge status={row.status} lang={ctx.lang} />
      </p>
      {ev ? (
        <p class="federation-ev">
          {since ? <span>{since} · </span> : null}
          <a href={`/bills/${encodeURIComponent(ev.billId)}`}>{ev.billTitle}</a>
        </p>
      ) : null}
    </div>
  );
}

/** The parts of the page that change with the date: the slider's script swaps them in from `/partials/status`. */
export function LiveParts({ ctx, data, sort, dir }: { ctx: PageCtx; data: StatusData; sort: SortKey; dir: SortDir }) {
  return (
    <>
      <LivePartsSide ctx={ctx} data={data} />
      <div data-slot="table">
        <StatusTable rows={data.entities} ctx={ctx} asOfText={dayText(data.asOf, ctx.lang)} sort={sort} dir={dir} />
      </div>
    </>
  );
}

export function Downloads({ ctx, asOf, origin }: { ctx: PageCtx; asOf: string; origin: string }) {
  const { t, lang } = ctx;
  const q = `asOf=${asOf}&lang=${lang}`;
  const embed = `<iframe src="${origin}/embed/map?${q}" title="${t.home.mapTitle(dayText(asOf, lang))}" width="820" height="600" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <div class="downloads" id="downloads">
      <h2 class="small-heading">{t.home.downloads}</h2>
      <ul class="download-list">
        <li><a href={`/api/status.csv?${q}`} data-href-template="/api/status.csv" download>{t.home.downloadCsv}</a></li>
        <li><a href={`/api/status?${q}`} data-href-template="/api/status">{t.home.downloadJson}</a></li>
        <li><a href={`/map.svg?${q}`} data-href-template="/map.svg" download>{t.home.downloadSvg}</a></li>
      </ul>
      <details class="embed-box">
        <summary>{t.home.embed}</summary>
        <label for="embed-code">{t.home.embedHelp}</label>
        <textarea id="embed-code" readonly rows={4} data-origin={origin}>{embed}</textarea>
      </details>
    </div>
  );
}

export function HomePage({ ctx, data, today, sort, dir, origin, error }: HomeProps) {
  const { t, lang } = ctx;
  const asOfText = dayText(data.asOf, lang);
  return (
    <Layout ctx={ctx} title={t.home.title} section="map" scripts={['map.js']} description={t.home.lede}>
      <div class="page-head">
        <h1>{t.home.heading}</h1>
        <p class="lede">{t.home.lede}</p>
      </div>
      {error ? (
        <p class="alert" role="alert">{error}</p>
      ) : null}
      <section class="map-panel" aria-label={t.home.mapTitle(asOfText)}>
        <div class="date-controls">
          <form class="date-form" method="get" action="/">
            <label for="asof-input">{t.home.asOfLabel}</label>
            <input type="date" id="asof-input" name="asOf" value={data.asOf} min={SLIDER_START} max={today} required />
            {sort !== 'name' || dir !== 'asc' ? (
              <>
                <input type="hidden" name="sort" value={sort} />
                <input type="hidden" name="dir" value={dir} />
              </>
            ) : null}
            <button type="submit" class="button">{t.home.show}</button>
          </form>
          <div class="slider" id="date-slider" data-start={SLIDER_START} data-end={today} data-lang={lang} data-play={t.home.play} data-pause={t.home.pause} data-failed={t.home.updateFailed} hidden>
            <button type="button" class="button button-play" id="play-button" aria-pressed="false">
              <span class="play-icon" aria-hidden="true">▶</span>
              <span class="play-text">{t.home.play}</span>
            </button>
            <div class="slider-track">
              <input type="range" id="date-range" aria-label={t.home.sliderLabel} aria-valuetext={asOfText} list="year-ticks" />
              <datalist id="year-ticks"></datalist>
              <div class="slider-years" aria-hidden="true"></div>
            </div>
            <span class="slider-status" role="status" aria-live="polite"></span>
          </div>
        </div>
        <div class="map-layout">
          <div class="map-wrap" id="map-wrap">
            <StatusMap rows={data.entities} ctx={ctx} asOfText={asOfText} />
            <div class="map-tooltip" id="map-tooltip" hidden></div>
          </div>
          <aside class="map-side" id="map-side">
            <LivePartsSide ctx={ctx} data={data} />
            <Downloads ctx={ctx} asOf={data.asOf} origin={origin} />
          </aside>
        </div>
      </section>
      <section class="table-section" id="table" aria-labelledby="table-heading">
        <h2 id="table-heading">{t.home.tableHeading}</h2>
        <div data-slot="table">
          <StatusTable rows={data.entities} ctx={ctx} asOfText={asOfText} sort={sort} dir={dir} />
        </div>
      </section>
    </Layout>
  );
}

function LivePartsSide({ ctx, data }: { ctx: PageCtx; data: StatusData }) {
  const asOfText = dayText(data.asOf, ctx.lang);
  return (
    <>
      <div data-slot="asof">
        <p class="asof-text" id="asof-text" data-map-title={ctx.t.home.mapTitle(asOfText)}>{ctx.t.home.summary(asOfText)}</p>
      </div>
      <div data-slot="legend">
        <Legend rows={data.entities} ctx={ctx} />
      </div>
      <div data-slot="federation">
        <FederationCard row={data.federation} ctx={ctx} />
      </div>
    </>
  );
}

/** `/embed/map`: the map and its legend alone, for an iframe on another site; links open in the top window. */
export function EmbedPage({ ctx, data }: { ctx: PageCtx; data: StatusData }) {
  const { t, lang } = ctx;
  const asOfText = dayText(data.asOf, lang);
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.home.mapTitle(asOfText)}</title>
        <link rel="stylesheet" href="/assets/palette.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/assets/map.js"></script>
      </head>
      <body class="embed" data-lang={lang}>
        <main class="embed-main">
          <h1 class="embed-title">{t.home.mapTitle(asOfText)}</h1>
          <div class="embed-layout">
            <div class="map-wrap" id="map-wrap">
              <StatusMap rows={data.entities} ctx={ctx} asOfText={asOfText} linkTarget="_top" />
              <div class="map-tooltip" id="map-tooltip" hidden></div>
            </div>
            <Legend rows={data.entities} ctx={ctx} />
          </div>
          <p class="embed-credit">
            <a href={withQuery(ctx, {}, '/')} target="_top">Armoniza</a> · {t.footer.mapCredit}:{' '}
            <a href="https://github.com/VictorCazanave/svg-maps" target="_top">@svg-maps/mexico</a> (CC BY 4.0)
          </p>
        </main>
      </body>
    </html>
  );
}

