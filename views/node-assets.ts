/**
 * Node only: the `AssetLoader` that reads `/assets/*` from disk (our files from `views/assets/`, the mermaid ESM
 * bundle from `node_modules/mermaid/dist/`) and keeps what it read in memory. Imported by `src/node.ts`, the browser
 * tests and the HTTP bench — never by `src/app.ts`, which must stay free of `node:fs` for Workers.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetSource, type AssetFile, type AssetLoader } from './assets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @example
 * createApp({ store, assets: nodeAssets() })
 */
export function nodeAssets(root = ROOT): AssetLoader {
  const memory = new Map<string, Promise<AssetFile | undefined>>();
  const read = async (path: string): Promise<AssetFile | undefined> => {
    const source = assetSource(path);
    if (!source) return undefined;
    const file = source.kind === 'own' ? join(root, 'views', 'assets', source.file) : join(root, 'node_modules', 'mermaid', 'dist', source.file);
    try {
      const [body, info] = await Promise.all([readFile(file), stat(file)]);
      return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"` };
    } catch {
      return undefined;
    }
  };
  return (path) => {
    // Our own files are re-read when changed (cheap stat-free check: reload every 2 s); vendor files never change.
    let hit = memory.get(path);
    if (!hit) {
      hit = read(path);
      memory.set(path, hit);
      if (!path.startsWith('vendor/')) setTimeout(() => memory.delete(path), 2000).unref?.();
    }
    return hit;
  };
}
