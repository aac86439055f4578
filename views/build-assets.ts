/**
 * Lays out `/assets/*` as files for a static host (Workers assets): `npm run build:assets -- dist/public` writes
 *
 *   dist/public/assets/{app.css,map.js,timeline.js,compare.js,favicon.svg}   ← views/assets/
 *   dist/public/assets/palette.css                                           ← generated from views/palette.ts
 *   dist/public/assets/vendor/mermaid-<v>/mermaid.esm.min.mjs + chunks/mermaid.esm.min/*.mjs  ← node_modules/mermaid/dist
 *
 * exactly the paths the pages link to (see `assets.ts`), so the platform answers them before the app runs.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetSource, MERMAID_DIR, paletteCss } from './assets.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'dist/public');
const assets = join(out, 'assets');
let count = 0;

function copy(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  count++;
}

for (const name of readdirSync(join(root, 'views', 'assets'))) {
  if (assetSource(name)?.kind === 'own') copy(join(root, 'views', 'assets', name), join(assets, name));
}
writeFileSync(join(assets, 'palette.css'), paletteCss());
count++;
const mermaid = join(root, 'node_modules', 'mermaid', 'dist');
copy(join(mermaid, 'mermaid.esm.min.mjs'), join(assets, MERMAID_DIR, 'mermaid.esm.min.mjs'));
for (const name of readdirSync(join(mermaid, 'chunks', 'mermaid.esm.min'))) {
  const rel = `chunks/mermaid.esm.min/${name}`;
  if (assetSource(`${MERMAID_DIR}/${rel}`)) copy(join(mermaid, rel), join(assets, MERMAID_DIR, rel));
}
console.log(`build:assets: ${count} files in ${assets}`);
