/**
 * Static files under `/assets/`, served the same way on both runtimes without the app touching a file system:
 *
 *   /assets/app.css, map.js, timeline.js, compare.js, favicon.svg  ← views/assets/*
 *   /assets/vendor/mermaid-12.3.0/mermaid.esm.min.mjs (+ chunks/mermaid.esm.min/*.mjs)  ← node_modules/mermaid/dist
 *   /assets/palette.css  ← generated from `palette.ts` (the one place status colours are defined)
 *
 * - On Node, `src/node.ts` passes `createApp({ assets: nodeAssets() })` (`views/node-assets.ts`, which reads those
 *   files from disk and keeps them in memory); the pages router answers with ETag/304.
 * - On Workers, the platform serves them from a Workers assets directory laid out exactly like the URLs:
 *   `npm run build:assets -- dist/public` (`views/build-assets.ts`) copies the files there, palette.css included;
 *   no `assets` loader is passed, so the router answers only `/assets/palette.css` and 404 for the rest.
 * Our own files are revalidated (`no-cache` + ETag); the mermaid bundle's path carries its version, so it is cached
 * for a year.
 */
import { HATCH, PALETTE } from './palette.js';
import { STATUS_VALUES } from '../src/domain/vocabulary.js';

export const MERMAID_VERSION = '12.3.0';
export const MERMAID_DIR = `vendor/mermaid-${MERMAID_VERSION}`;
export const MERMAID_URL = `/assets/${MERMAID_DIR}/mermaid.esm.min.mjs`;

export interface AssetFile {
  body: Uint8Array | string;
  /** A validator for the content (size and mtime, or a hash). */
  etag: string;
}

/** Reads `path` (relative to `/assets/`, already checked against `isAssetPath`), or undefined when there is none. */
export type AssetLoader = (path: string) => Promise<AssetFile | undefined>;

const OWN = /^[a-z0-9][a-z0-9-]*\.(css|js|svg|png|ico|woff2)$/;
const MERMAID = new RegExp(`^${MERMAID_DIR.replace(/[.]/g, '\\.')}/(mermaid\\.esm\\.min\\.mjs|chunks/mermaid\\.esm\\.min/[A-Za-z0-9_-]+(?:-[A-Za-z0-9]+)?\\.mjs)$`);

/** Where a URL path under `/assets/` comes from, or null when it is not one of ours (no `..`, no other folders). */
export function assetSource(path: string): { kind: 'own'; file: string } | { kind: 'mermaid'; file: string } | null {
  if (OWN.test(path)) return { kind: 'own', file: path };
  const m = MERMAID.exec(path);
  return m ? { kind: 'mermaid', file: m[1]! } : null;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
};

export function contentType(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/** CSS for status swatches and badges, generated from the palette so HTML and SVG never disagree. */
export function paletteCss(): string {
  const rules = STATUS_VALUES.map((s) => {
    const sw = PALETTE[s];
    return `[data-status="${s}"] > .swatch, .swatch[data-status="${s}"] { background: ${sw.css}; }\n.status-badge[data-status="${s}"] { --status-bg: ${sw.css}; --status-ink: ${sw.ink}; }`;
  });
  return `/* Generated from views/palette.ts: do not edit. */\n:root { --hatch-bg: ${HATCH.background}; --hatch-line: ${HATCH.line}; }\n${rules.join('\n')}\n`;
}
