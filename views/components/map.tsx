/**
 * The status map (inline SVG, readable without JavaScript), its legend with counts, and the standalone SVG download.
 * Every entity is one `<path data-id data-status fill>` inside a link to its page; the script `map.js` re-colours
 * them from `/api/status` when the date changes.
 */
import { STATUSES, STATUS_VALUES, type Status } from '../../src/domain/vocabulary.js';
import { HATCH, PALETTE } from '../palette.js';
import type { MapGeometry } from '../map-geometry.js';
import { dayText, label, type Lang } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';
import type { StatusData, StatusRow } from '../data.js';
import { HatchDefs, Swatch, UndatedIcon } from './facts.js';
import { sinceText } from './status-table.js';

function byMapId(rows: StatusRow[]): Map<string, StatusRow> {
  return new Map(rows.filter((r) => r.mapId).map((r) => [r.mapId!, r]));
}

function tipFor(row: StatusRow | undefined, name: string, lang: Lang, ctx: PageCtx) {
  const status = row?.status ?? 'unknown';
  const since = row ? sinceText(row, lang) : '';
  const statusLabel = label(STATUSES, status, lang);
  const parts = [name, since ? `${statusLabel} (${since})` : statusLabel];
  if (row?.undated) parts.push(ctx.t.legend.undated);
  return { status, since, statusLabel, text: parts.join(' — ') };
}

/** "Map of <federation>: harmonization status as of <date>", in the page's language. */
export function mapTitle(ctx: PageCtx, data: StatusData): string {
  return ctx.t.home.mapTitle(data.federation?.name ?? '', dayText(data.asOf, ctx.lang));
}

/** Who drew the outlines and under which licence, as the licence asks, beside every map drawn from them. */
export function MapCredit({ map, ctx, target }: { map: MapGeometry; ctx: PageCtx; target?: '_top' }) {
  return (
    <>
      {ctx.t.footer.mapCredit}: <a href={map.credit.url} target={target}>{map.credit.text}</a>,{' '}
      <a href={map.credit.licenseUrl} rel="license" target={target}>{map.credit.license}</a>
    </>
  );
}

export function StatusMap({ data, map, ctx, linkTarget }: { data: StatusData; map: MapGeometry; ctx: PageCtx; linkTarget?: '_top' | '_blank' }) {
  const lookup = byMapId(data.entities);
  return (
    <svg
      id="status-map"
      class="status-map"
      viewBox={map.viewBox}
      role="group"
      aria-labelledby="status-map-title status-map-desc"
      preserveAspectRatio="xMidYMid meet"
      data-palette={JSON.stringify(Object.fromEntries(STATUS_VALUES.map((s) => [s, PALETTE[s].fill])))}
    >
      <title id="status-map-title">{mapTitle(ctx, data)}</title>
      <desc id="status-map-desc">{ctx.t.home.mapDesc}</desc>
      <HatchDefs id={HATCH.id} />
      <g class="entities">
        {map.shapes.map((shape) => {
          const row = lookup.get(shape.mapId);
          const name = row?.name ?? shape.name;
          const tip = tipFor(row, name, ctx.lang, ctx);
          return (
            <a
              href={row ? `/states/${row.id}` : '#'}
              target={linkTarget}
              aria-label={tip.text}
              class="entity"
              data-id={row?.id}
              data-name={name}
              data-status-label={tip.statusLabel}
              data-since-label={tip.since}
              data-undated={row?.undated ? ctx.t.legend.undated : undefined}
            >
              <title>{tip.text}</title>
              <path d={shape.path} data-id={row?.id ?? shape.mapId} data-status={tip.status} fill={PALETTE[tip.status].fill} />
            </a>
          );
        })}
      </g>
      <g class="undated-markers" aria-hidden="true">
        {map.shapes.map((shape) => {
          const row = lookup.get(shape.mapId);
          return (
            <g class="undated-marker" data-for={row?.id ?? shape.mapId} transform={`translate(${shape.label[0]} ${shape.label[1]})`} visibility={row?.undated ? 'visible' : 'hidden'}>
              <circle r="5" fill="#fff" stroke="#1b1f24" stroke-width="1.5" />
              <circle r="2" fill="#1b1f24" />
            </g>
          );
        })}
      </g>
    </svg>
  );
}

export function counts(rows: StatusRow[]): Record<Status, number> & { undated: number } {
  const out = Object.fromEntries(STATUS_VALUES.map((s) => [s, 0])) as Record<Status, number> & { undated: number };
  out.undated = 0;
  for (const r of rows) {
    out[r.status]++;
    if (r.undated) out.undated++;
  }
  return out;
}

export function Legend({ rows, ctx }: { rows: StatusRow[]; ctx: PageCtx }) {
  const n = counts(rows);
  const order = [...STATUS_VALUES].reverse();
  return (
    <div class="legend" id="legend">
      <h2 class="legend-heading">{ctx.t.legend.heading}</h2>
      <ul>
        {order.map((s) => (
          <li data-status={s} class={n[s] ? '' : 'is-zero'}>
            <Swatch status={s} />
            <span class="legend-label">{label(STATUSES, s, ctx.lang)}</span>
            <span class="legend-count" data-count={n[s]}>
              <span aria-hidden="true">{n[s]}</span>
              <span class="visually-hidden">{ctx.t.legend.count(n[s])}</span>
            </span>
          </li>
        ))}
        <li data-status="undated" class={`legend-undated${n.undated ? '' : ' is-zero'}`}>
          <UndatedIcon />
          <span class="legend-label">{ctx.t.legend.undated}</span>
          <span class="legend-count" data-count={n.undated}>
            <span aria-hidden="true">{n.undated}</span>
            <span class="visually-hidden">{ctx.t.legend.count(n.undated)}</span>
          </span>
        </li>
      </ul>
    </div>
  );
}

/**
 * The map as a standalone SVG file: fills as attributes, legend with counts, date and credit drawn in, so it can go
 * into a report or a slide as it is.
 */
export function StandaloneSvg({ data, map, ctx }: { data: StatusData; map: MapGeometry; ctx: PageCtx }) {
  const lookup = byMapId(data.entities);
  const n = counts(data.entities);
  const { width: w, height: h } = map;
  const title = mapTitle(ctx, data);
  const legendX = w - 230;
  const order = [...STATUS_VALUES].reverse();
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${w} ${h + 70}`} width={w} height={h + 70} font-family="Helvetica, Arial, sans-serif">
      <title>{title}</title>
      <HatchDefs id={HATCH.id} />
      <rect width="100%" height="100%" fill="#ffffff" />
      <text x="16" y="30" font-size="18" font-weight="700" fill="#1b1f24">{title}</text>
      <g transform="translate(0 40)">
        {map.shapes.map((shape) => {
          const row = lookup.get(shape.mapId);
          const status = row?.status ?? 'unknown';
          return (
            <path d={shape.path} data-id={row?.id ?? shape.mapId} data-status={status} fill={PALETTE[status].fill} stroke="#ffffff" stroke-width="0.8">
              <title>{`${row?.name ?? shape.name}: ${label(STATUSES, status, ctx.lang)}`}</title>
            </path>
          );
        })}
        {map.shapes.filter((s) => lookup.get(s.mapId)?.undated).map((s) => (
          <g transform={`translate(${s.label[0]} ${s.label[1]})`}>
            <circle r="5" fill="#fff" stroke="#1b1f24" stroke-width="1.5" />
            <circle r="2" fill="#1b1f24" />
          </g>
        ))}
      </g>
      <g transform={`translate(${legendX} 70)`} font-size="12" fill="#1b1f24">
        {order.map((s, i) => (
          <g transform={`translate(0 ${i * 20})`}>
            <rect width="14" height="14" rx="3" fill={PALETTE[s].fill} stroke="#1b1f2455" />
            <text x="22" y="11.5">{`${label(STATUSES, s, ctx.lang)} (${n[s]})`}</text>
          </g>
        ))}
        <g transform={`translate(7 ${order.length * 20 + 7})`}>
          <circle r="5" fill="#fff" stroke="#1b1f24" stroke-width="1.5" />
          <circle r="2" fill="#1b1f24" />
          <text x="15" y="4.5">{`${ctx.t.legend.undated} (${n.undated})`}</text>
        </g>
      </g>
      <text x="16" y={h + 60} font-size="10" fill="#555">
        {`Armoniza · ${ctx.t.footer.mapCredit}: ${map.credit.text}, ${map.credit.license}`}
      </text>
    </svg>
  );
}

/** A small map of the country with one entity drawn in its status colour, for the entity's page. */
export function LocatorMap({ map, mapId, status }: { map: MapGeometry; mapId: string; status: Status }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={map.viewBox} width={map.width} height={map.height}>
      <HatchDefs id="locator-hatch" />
      {map.shapes.map((shape) => {
        const me = shape.mapId === mapId;
        const fill = me ? (status === 'unknown' ? 'url(#locator-hatch)' : PALETTE[status].fill) : '#dfe3e8';
        return <path d={shape.path} fill={fill} stroke={me ? '#1b1f24' : '#ffffff'} stroke-width={me ? 1.6 : 0.7} />;
      })}
    </svg>
  );
}
