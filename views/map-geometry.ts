/**
 * The outlines of the map, from `@svg-maps/mexico` (© Victor Cazanave, CC BY 4.0: credited in the page footer, on the
 * SVG download and in the README). Bundled as a JS module, so it works unchanged on Node and on Workers.
 * Each shape also gets a label point (the area-weighted centroid of its largest ring), where the map draws its
 * markers, computed once when the module loads.
 */
import mexico from '@svg-maps/mexico';

export interface Shape {
  /** The map's own id (`agu`), matched against `jurisdictions.mapId`. */
  mapId: string;
  name: string;
  path: string;
  /** Label point in viewBox units. */
  label: [number, number];
}

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}
const map = mexico as unknown as SvgMap;

export const MAP_VIEWBOX: string = map.viewBox;
export const MAP_CREDIT = {
  text: '@svg-maps/mexico, © Victor Cazanave, CC BY 4.0',
  url: 'https://github.com/VictorCazanave/svg-maps/tree/master/packages/mexico',
  license: 'https://creativecommons.org/licenses/by/4.0/',
};

export const SHAPES: readonly Shape[] = map.locations.map((l) => ({ mapId: l.id, name: l.name, path: l.path, label: labelPoint(l.path) }));
export const SHAPE_BY_MAP_ID: ReadonlyMap<string, Shape> = new Map(SHAPES.map((s) => [s.mapId, s]));

/** Rings of a path made of `m`/`M`, `l` (or implicit line-to) and `z`, as the package draws them. */
function rings(path: string): [number, number][][] {
  const tokens = path.match(/[mMlLzZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const out: [number, number][][] = [];
  let ring: [number, number][] = [];
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  let cmd = 'M';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        if (ring.length) out.push(ring);
        ring = [];
        [x, y] = [startX, startY];
      }
      continue;
    }
    const dx = Number(tokens[i]);
    const dy = Number(tokens[i + 1]);
    i += 2;
    const relative = cmd === 'm' || cmd === 'l';
    [x, y] = relative ? [x + dx, y + dy] : [dx, dy];
    if (cmd === 'm' || cmd === 'M') {
      if (ring.length) out.push(ring);
      ring = [];
      [startX, startY] = [x, y];
      cmd = cmd === 'm' ? 'l' : 'L';
    }
    ring.push([x, y]);
  }
  if (ring.length) out.push(ring);
  return out;
}

function labelPoint(path: string): [number, number] {
  let best: { area: number; cx: number; cy: number } | undefined;
  for (const ring of rings(path)) {
    let [a, cx, cy] = [0, 0, 0];
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[(i + 1) % ring.length]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const candidate = { area: Math.abs(a / 2), cx: cx / (3 * a), cy: cy / (3 * a) };
    if (!best || candidate.area > best.area) best = candidate;
  }
  return best ? [Math.round(best.cx * 10) / 10, Math.round(best.cy * 10) / 10] : [0, 0];
}
