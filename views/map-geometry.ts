/**
 * A federation's map as the pages draw it, from the map its seed dataset carries (`FederationMap`, checked by
 * `seed-format.ts`): the view box and its size, the credit its licence asks for, and each entity's outline with a
 * label point (the area-weighted centroid of its largest ring), where the map puts its markers.
 */
import type { FederationMap } from '../src/db/seed-format.js';

export interface Shape {
  /** The map's own id (`agu`), matched against `jurisdictions.mapId`. */
  mapId: string;
  name: string;
  path: string;
  /** Label point in viewBox units. */
  label: [number, number];
}

export interface MapGeometry {
  viewBox: string;
  width: number;
  height: number;
  credit: FederationMap['credit'];
  shapes: Shape[];
}

/**
 * @example
 * mapGeometry({ viewBox: '0 0 10 10', credit, shapes: [{ id: 'a', name: 'A', path: 'M0 0 L4 0 L4 4 L0 4 z' }] })
 * // { width: 10, height: 10, shapes: [{ mapId: 'a', label: [2, 2], … }], … }
 */
export function mapGeometry(map: FederationMap): MapGeometry {
  const [, , width, height] = map.viewBox.trim().split(/[\s,]+/).map(Number) as [number, number, number, number];
  return {
    viewBox: map.viewBox,
    width,
    height,
    credit: map.credit,
    shapes: map.shapes.map((s) => ({ mapId: s.id, name: s.name, path: s.path, label: labelPoint(s.path) })),
  };
}

/** Rings of an outline made of M, L, H, V and Z (absolute or relative; numbers after M are line-tos). */
function rings(path: string): [number, number][][] {
  const tokens = path.match(/[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: [number, number][][] = [];
  let ring: [number, number][] = [];
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  let cmd = 'M';
  const close = () => {
    if (ring.length) out.push(ring);
    ring = [];
  };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        close();
        [x, y] = [startX, startY];
      }
      continue;
    }
    const relative = cmd === cmd.toLowerCase();
    const a = Number(t);
    if (cmd === 'H' || cmd === 'h') {
      x = relative ? x + a : a;
      i += 1;
    } else if (cmd === 'V' || cmd === 'v') {
      y = relative ? y + a : a;
      i += 1;
    } else {
      const b = Number(tokens[i + 1]);
      [x, y] = relative ? [x + a, y + b] : [a, b];
      i += 2;
    }
    if (cmd === 'm' || cmd === 'M') {
      close();
      [startX, startY] = [x, y];
      cmd = cmd === 'm' ? 'l' : 'L';
    }
    ring.push([x, y]);
  }
  close();
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
