/**
 * Benchmark of PDF ingestion (run: npm run bench:ingest).
 *
 * Extracts the official PDF of the General Law (../shared/corpus, 60 pages) with `extractDocument` (unpdf/pdf.js, then
 * line assembly, furniture removal and paragraph joining), and in the same run with Debian's `pdftotext`
 * (poppler-utils, C++) on the same file: median wall time of several runs each, pages per second, and the ratio.
 * Also measured: pdf.js alone (document + text content of every page, nothing of ours), to show what our cleaning
 * costs on top of it; our process's peak resident memory; pdftotext's peak resident memory (GNU time); the load
 * average, since the machine is shared. The first extraction (loading pdf.js) is timed apart and not in the medians.
 *
 * The last line is one JSON object with every figure. Environment: BENCH_RUNS (default 7).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getDocumentProxy } from 'unpdf';
import { extractDocument } from '../src/ingest/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PDF = fileURLToPath(new URL('../../shared/corpus/mx-federal/LGPSEDMTP_vigente_DOF-14-11-2025.pdf', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function timeRuns(run: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

/** pdf.js alone: open the document and read every page's text content. */
async function pdfjsOnly(bytes: Uint8Array): Promise<void> {
  const pdf = await getDocumentProxy(bytes.slice());
  for (let n = 1; n <= pdf.numPages; n++) await (await pdf.getPage(n)).getTextContent();
  await pdf.loadingTask.destroy();
}

function pdftotext(): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', PDF, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** pdftotext's peak resident memory in KiB, from GNU time's %M. */
function pdftotextPeakKiB(): number | null {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'pdftotext', '-enc', 'UTF-8', PDF, '/dev/null'], { encoding: 'utf8' });
  const kib = Number(result.stderr.trim().split('\n').pop());
  return result.status === 0 && Number.isFinite(kib) ? kib : null;
}

async function main(): Promise<void> {
  if (!existsSync(PDF)) throw new Error(`Corpus file missing: ${PDF}. The corpus lives in ../shared/corpus beside the repository.`);
  try {
    pdftotext();
  } catch (err) {
    throw new Error(`pdftotext (Debian package poppler-utils) is needed: ${(err as Error).message}`);
  }
  const bytes = new Uint8Array(readFileSync(PDF));
  const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;

  const coldStart = performance.now();
  const first = await extractDocument(bytes);
  const coldMs = performance.now() - coldStart;
  const pages = first.provenance.pages!;

  const oursMs = await timeRuns(() => extractDocument(bytes));
  const pdfjsMs = await timeRuns(() => pdfjsOnly(bytes));
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const popplerMs = await timeRuns(() => pdftotext());
  const popplerPeakKiB = pdftotextPeakKiB();

  const ours = median(oursMs);
  const pdfjs = median(pdfjsMs);
  const poppler = median(popplerMs);
  const figures = {
    file: PDF.split('/').pop(),
    bytes: bytes.byteLength,
    pages,
    runs: RUNS,
    textChars: first.text.length,
    ours: { medianMs: round(ours), pagesPerSecond: round((pages * 1000) / ours), coldFirstRunMs: round(coldMs), runsMs: oursMs.map((t) => round(t)) },
    pdfjsOnly: { medianMs: round(pdfjs), pagesPerSecond: round((pages * 1000) / pdfjs) },
    ourLayoutShareOfTime: round((ours - pdfjs) / ours, 3),
    pdftotext: { medianMs: round(poppler), pagesPerSecond: round((pages * 1000) / poppler), peakRssMiB: popplerPeakKiB === null ? null : round(popplerPeakKiB / 1024), runsMs: popplerMs.map((t) => round(t)) },
    oursOverPdftotextSpeed: round(poppler / ours, 3),
    peakRssMiB: round(peakRssMiB),
    rssBeforeMiB: round(rssBeforeMiB),
    node: process.version,
    loadAverage: loadavg().map((l) => round(l, 2)),
  };

  console.log(`${pages} pages, ${RUNS} runs each (medians), load average ${figures.loadAverage.join(' ')}`);
  console.log(`  ours (unpdf + layout)  ${figures.ours.medianMs} ms  ${figures.ours.pagesPerSecond} pages/s  (first run, loading pdf.js: ${figures.ours.coldFirstRunMs} ms)`);
  console.log(`  pdf.js alone           ${figures.pdfjsOnly.medianMs} ms  ${figures.pdfjsOnly.pagesPerSecond} pages/s  (our layout: ${round(figures.ourLayoutShareOfTime * 100)}% of our time)`);
  console.log(`  pdftotext              ${figures.pdftotext.medianMs} ms  ${figures.pdftotext.pagesPerSecond} pages/s  (process spawn included)`);
  console.log(`  speed ours/pdftotext   ${figures.oursOverPdftotextSpeed}`);
  console.log(`  peak RSS: ours ${figures.peakRssMiB} MiB (process, from ${figures.rssBeforeMiB} MiB before), pdftotext ${figures.pdftotext.peakRssMiB} MiB`);
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
