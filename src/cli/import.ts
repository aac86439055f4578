/**
 * `npm run import -- <file.pdf|.docx|.txt|.md|.html> --model --title "…" [--source URL] [--date D] [--language es]`
 * `npm run import -- <file> --bill <id> --stage <stage> --date D [--source URL]`
 *
 * Reads a document into text (src/ingest), segments it (src/text), stores the original with its provenance and then
 * the model or the version, through the same data functions as the API, on the SQLite file of `ARMONIZA_DB`.
 * Shows progress on long documents and a summary at the end. Exits 1 with a message on bad input, 2 on bad usage;
 * nothing is stored then.
 */
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { segmentCached } from '../analysis/comparisons.js';
import { addVersion } from '../db/bill-writes.js';
import { planFile } from '../db/files.js';
import { createModel } from '../db/models.js';
import { DEFAULT_DB_PATH, openSeededFile } from '../db/node-store.js';
import { VERSION_STAGE_VALUES, type VersionStage } from '../domain/vocabulary.js';
import { extractDocument, IngestError } from '../ingest/index.js';
import { UserError } from '../lib/errors.js';
import { runCommand, UsageError } from './run.js';

const USAGE = `usage:
  npm run import -- <file> --model --title "Title" [--source URL] [--date YYYY-MM-DD] [--language es|en]
  npm run import -- <file> --bill <bill id> --stage <${VERSION_STAGE_VALUES.join('|')}> --date <date> [--source URL]
The file may be PDF, DOCX, plain text, Markdown or HTML (its type is read from its bytes).
The database is ARMONIZA_DB (default data/armoniza.db).`;

/** How the audit trail names writes made from this command on this machine. */
const CLI_ACTOR = `cli:${userInfo().username}`;

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'boolean' },
      bill: { type: 'string' },
      title: { type: 'string' },
      stage: { type: 'string' },
      date: { type: 'string' },
      source: { type: 'string' },
      language: { type: 'string', default: 'es' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  if (!values.model === !values.bill) throw new UsageError('give either --model or --bill <id>');
  if (values.model && !values.title?.trim()) throw new UsageError('--model needs --title');
  if (values.bill && !VERSION_STAGE_VALUES.includes(values.stage as VersionStage)) throw new UsageError(`--bill needs --stage, one of ${VERSION_STAGE_VALUES.join(', ')}`);
  if (values.bill && !values.date) throw new UsageError('--bill needs --date');
  if (values.language !== 'es' && values.language !== 'en') throw new UsageError('--language is es or en');
  return { file: positionals[0]!, ...values };
}

function progressBar(label: string) {
  let last = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (pct === last || !process.stderr.isTTY) return;
    last = pct;
    process.stderr.write(`\r${label} ${String(pct).padStart(3)}% (${done}/${total})`);
    if (done >= total) process.stderr.write('\n');
  };
}

async function main(argv: string[]) {
  const args = parse(argv);
  const size = statSync(args.file).size;
  const bytes = new Uint8Array(readFileSync(args.file));
  console.log(`Reading ${args.file} (${(size / 1024).toFixed(0)} KiB)…`);
  const extracted = await extractDocument(bytes, { filename: basename(args.file), onProgress: progressBar('  pages') });
  const doc = await segmentCached(extracted.text);
  const { store } = await openSeededFile(process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH);
  try {
    // The original and what is made from it are stored in one step: a refused import leaves nothing behind.
    const file = await planFile(store, bytes, extracted);
    let target: string;
    if (args.model) {
      const id = await createModel(store, CLI_ACTOR, { title: args.title!, text: extracted.text, language: args.language!, source: args.source ?? null, date: args.date ?? null }, doc, file);
      target = `model ${id}`;
    } else {
      const id = await addVersion(store, CLI_ACTOR, args.bill!, { stage: args.stage as VersionStage, date: args.date!, text: extracted.text, sourceUrl: args.source ?? null }, file);
      target = `version ${id} of bill ${args.bill}`;
    }
    const p = extracted.provenance;
    const articles = doc.units.filter((u) => u.kind === 'article').length;
    console.log(`Stored ${target}`);
    console.log(`  type ${p.type}${p.pages ? `, ${p.pages} pages` : ''}, ${p.size} bytes, sha256 ${p.sha256}`);
    console.log(`  ${doc.units.length} provisions (${articles} articles, ${doc.units.length - articles} other), ${doc.wordCount} words`);
    for (const w of [...p.warnings, ...doc.warnings]) console.log(`  warning: ${w}`);
  } finally {
    store.close();
  }
}

await runCommand({ name: 'import', usage: USAGE, inputErrors: [IngestError, UserError] }, () => main(process.argv.slice(2)));
