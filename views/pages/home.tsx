/**
 * `/`: the map of the entities coloured by status at a date, the date slider, the legend with counts, downloads and
 * the embed code, and the same data as a sortable table. `/partials/status` returns the parts the slider swaps.
 */
import { dayText } from '../i18n/index.js';
import { Layout, withQuery, type PageCtx } from '../layout.js';
import type { SiteData, StatusData, StatusRow } from '../data.js';
import type { MapGeometry } from '../map-geometry.js';
import { Legend, MapCredit, mapTitle, StatusMap } from '../components/map.js';
import { StatusTable, sinceText, type SortDir, type SortKey } from '../components/status-table.js';
import { StatusBadge } from '../components/facts.js';

export const SLIDER_START = '2000-01-01';

export interface HomeProps {
  ctx: PageCtx;
  site: SiteData;
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

/** The downloads of the status at the shown date; the SVG and the embed code only where there is a map. */
export function Downloads({ ctx, data, hasMap, origin }: { ctx: PageCtx; data: StatusData; hasMap: boolean; origin: string }) {
  const { t, lang } = ctx;
  const q = `asOf=${data.asOf}&lang=${lang}`;
  const embed = `<iframe src="${origin}/embed/map?${q}" title="${mapTitle(ctx, data)}" width="820" height="600" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <div class="downloads" id="downloads">
      <h2 class="small-heading">{t.home.downloads}</h2>
      <ul class="download-list">
        <li><a href={`/api/status.csv?${q}`} data-href-template="/api/status.csv" download>{t.home.downloadCsv}</a></li>
        <li><a href={`/api/status?${q}`} data-href-template="/api/status">{t.home.downloadJson}</a></li>
        {hasMap ? <li><a href={`/map.svg?${q}`} data-href-template="/map.svg" download>{t.home.downloadSvg}</a></li> : null}
      </ul>
      {hasMap ? (
        <details class="embed-box">
          <summary>{t.home.embed}</summary>
          <label for="embed-code">{t.home.embedHelp}</label>
          <textarea id="embed-code" readonly rows={4} data-origin={origin}>{embed}</textarea>
        </details>
      ) : null}
    </div>
  );
}

export function HomePage({ ctx, site, data, today, sort, dir, origin, error }: HomeProps) {
  const { t, lang } = ctx;
  const asOfText = dayText(data.asOf, lang);
  const lede = site.lede?.[lang] ?? t.home.lede;
  return (
    <Layout ctx={ctx} title={t.home.title} section="map" scripts={['map.js']} description={lede}>
      <div class="page-head">
        <h1>{site.heading?.[lang] ?? t.home.heading(data.federation?.name ?? site.federation.nameEn)}</h1>
        <p class="lede">{lede}</p>
      </div>
      {error ? (
        <p class="alert" role="alert">{error}</p>
      ) : null}
      <section class="map-panel" aria-label={mapTitle(ctx, data)}>
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
          <div class="slider" id="date-slider" data-federation={site.federation.id} data-start={SLIDER_START} data-end={today} data-lang={lang} data-play={t.home.play} data-pause={t.home.pause} data-failed={t.home.updateFailed} hidden>
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
          <MapFigure ctx={ctx} data={data} map={site.map} />
          <aside class="map-side" id="map-side">
            <LivePartsSide ctx={ctx} data={data} />
            <Downloads ctx={ctx} data={data} hasMap={site.map !== null} origin={origin} />
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
        <p class="asof-text" id="asof-text" data-map-title={mapTitle(ctx, data)}>{ctx.t.home.summary(asOfText)}</p>
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

/** The map with its tooltip and its credit; where the federation's dataset has no map, a note that says so. */
function MapFigure({ ctx, data, map }: { ctx: PageCtx; data: StatusData; map: MapGeometry | null }) {
  if (!map) return <p class="map-wrap no-map">{ctx.t.home.noMap}</p>;
  return (
    <div class="map-wrap" id="map-wrap">
      <StatusMap data={data} map={map} ctx={ctx} />
      <div class="map-tooltip" id="map-tooltip" hidden></div>
      <p class="map-credit">
        <MapCredit map={map} ctx={ctx} />
      </p>
    </div>
  );
}

/** `/embed/map`: the map and its legend alone, for an iframe on another site; links open in the top window. */
export function EmbedPage({ ctx, data, map }: { ctx: PageCtx; data: StatusData; map: MapGeometry }) {
  const { t, lang } = ctx;
  const title = mapTitle(ctx, data);
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/palette.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/assets/map.js"></script>
      </head>
      <body class="embed" data-lang={lang}>
        <main class="embed-main">
          <h1 class="embed-title">{title}</h1>
          <div class="embed-layout">
            <div class="map-wrap" id="map-wrap">
              <StatusMap data={data} map={map} ctx={ctx} linkTarget="_top" />
              <div class="map-tooltip" id="map-tooltip" hidden></div>
            </div>
            <Legend rows={data.entities} ctx={ctx} />
          </div>
          <p class="embed-credit">
            <a href={withQuery(ctx, {}, '/')} target="_top">Armoniza</a> · <MapCredit map={map} ctx={ctx} target="_top" />
          </p>
        </main>
      </body>
    </html>
  );
}

