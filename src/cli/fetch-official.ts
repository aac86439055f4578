/**
 * `npm run fetch:official [-- --sources data/official-sources.json]`: downloads every official document listed,
 * skips the unchanged ones, stores a changed one as a new version of its bill, and prints what happened to each.
 * Exits 1 when any source failed. The database is ARMONIZA_DB (default data/armoniza.db).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DB_PATH, openSeededFile } from '../db/node-store.js';
import { fetchOfficial, officialSourceList, type OfficialSource } from '../sources/official.js';

const { values } = parseArgs({ options: { sources: { type: 'string', default: 'data/official-sources.json' } } });
const list = officialSourceList.parse(JSON.parse(readFileSync(values.sources!, 'utf8')));
const { store } = await openSeededFile(process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH);
const failed: OfficialSource[] = [];
try {
  for (const source of list.sources) {
    process.stdout.write(`${source.id}: ${source.url} … `);
    const result = await fetchOfficial(store, source);
    if (result.outcome === 'new-version') {
      const model = result.modelId ? `, model ${result.modelId}` : '';
      console.log(`new version ${result.versionId} (${result.date})${model}, sha256 ${result.sha256.slice(0, 12)}…`);
    } else if (result.outcome === 'error') {
      failed.push(source);
      console.log(`failed: ${result.message}`);
    } else console.log(result.outcome === 'not-modified' ? 'not modified (304)' : 'unchanged (same SHA-256)');
  }
} finally {
  store.close();
}
// Nothing of a failed source was stored; a copy of its document obtained some other way goes in by hand.
if (failed.length > 0) {
  console.log('\nNothing was stored for the failed sources. With a copy of a document (a PDF, DOCX or text file), the same step by hand:');
  for (const s of failed) {
    console.log(`  npm run import -- <file> --bill ${s.bill} --stage ${s.stage} --source ${s.url} --date YYYY-MM-DD`);
    if (s.model) console.log(`  npm run import -- <file> --model --title "${s.model.title}" --source ${s.url} --date YYYY-MM-DD`);
  }
}
process.exit(failed.length > 0 ? 1 : 0);
