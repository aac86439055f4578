/**
 * Benchmark of PDF ingestion (run: npm run bench:ingest).
 *
 * Extracts the official PDF of the General Law (../shared/corpus, 60 pages) with `extractDocument` (unpdf/pdf.js, then
 * line assembly, furniture removal and paragraph joining), and in the same run with Debian's `pdftotext`
 * (poppler-utils, C++) on the same file: median wall time of several runs each (interleaved rounds), pages per second,
 * and the ratio.
 * Also measured: pdf.js alone (document + text content of every page, nothing of ours), and our layout steps alone
 * on the fragments pdf.js gave (lines, columns, furniture, paragraphs, cleaning), to show where the time goes; our
 * process's peak resident memory; pdftotext's peak resident memory (GNU time); the load
 * average, since the machine is shared. The first extraction (loading pdf.js) is timed apart and not in the medians.
 *
 * The last line is one JSON object with every figure. Environment: BENCH_RUNS (default 9).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { getDocumentProxy } from 'unpdf';
import { cleanText } from '../src/ingest/clean.js';
import { extractDocument } from '../src/ingest/index.js';
import { columnLines } from '../src/ingest/pdf-columns.js';
import { removeFurniture } from '../src/ingest/pdf-furniture.js';
import type { PlacedText } from '../src/ingest/pdf-lines.js';
import { joinParagraphs } from '../src/ingest/pdf-paragraphs.js';
import { corpusPath, GENERAL_LAW_PDF } from '../tests/support/corpus.js';
import { median, round } from './lib/stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PDF = corpusPath(GENERAL_LAW_PDF);

/** Times each contender once per round, rounds interleaved, so a change in the machine's load hits all alike. */
async function timeRounds(contenders: (() => Promise<unknown> | unknown)[]): Promise<number[][]> {
  const times: number[][] = contenders.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (const [i, run] of contenders.entries()) {
      const start = performance.now();
      await run();
      times[i]!.push(performance.now() - start);
    }
  }
  return times;
}

/** pdf.js alone: open the document and read every page's text content; gives the fragments of each page. */
async function pdfjsOnly(bytes: Uint8Array): Promise<PlacedText[][]> {
  const pdf = await getDocumentProxy(bytes.slice());
  const pages: PlacedText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { items } = await page.getTextContent();
    page.cleanup();
    pages.push(items.flatMap((i) => ('str' in i ? [{ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size: Math.hypot(i.transform[2], i.transform[3]) }] : [])));
  }
  await pdf.loadingTask.destroy();
  return pages;
}

/** Our steps after pdf.js, on upright text (this PDF has no other). */
function layout(pages: PlacedText[][]): string {
  const lines = pages.map((fragments) => ({ lines: columnLines(fragments).lines, top: 792, bottom: 0 }));
  return cleanText(joinParagraphs(removeFurniture(lines).pages).join('\n\n'), []);
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

  const fragments = await pdfjsOnly(bytes);
  if (layout(fragments) !== first.text) throw new Error('The layout steps alone do not give the text extractDocument gives; the benchmark is out of date.');
  const [oursMs, pdfjsMs, layoutMs, popplerMs] = (await timeRounds([() => extractDocument(bytes), () => pdfjsOnly(bytes), () => layout(fragments), pdftotext])) as number[][] as [
    number[],
    number[],
    number[],
    number[],
  ];
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const popplerPeakKiB = pdftotextPeakKiB();

  const ours = median(oursMs);
  const pdfjs = median(pdfjsMs);
  const ourLayout = median(layoutMs);
  const poppler = median(popplerMs);
  const figures = {
    file: PDF.split('/').pop(),
    bytes: bytes.byteLength,
    pages,
    runs: RUNS,
    textChars: first.text.length,
    ours: { medianMs: round(ours), pagesPerSecond: round((pages * 1000) / ours), coldFirstRunMs: round(coldMs), runsMs: oursMs.map((t) => round(t)) },
    pdfjsOnly: { medianMs: round(pdfjs), pagesPerSecond: round((pages * 1000) / pdfjs), runsMs: pdfjsMs.map((t) => round(t)) },
    ourLayout: { medianMs: round(ourLayout), shareOfOurTime: round(ourLayout / ours, 3) },
    pdftotext: { medianMs: round(poppler), pagesPerSecond: round((pages * 1000) / poppler), peakRssMiB: popplerPeakKiB === null ? null : round(popplerPeakKiB / 1024), runsMs: popplerMs.map((t) => round(t)) },
    oursOverPdftotextSpeed: round(poppler / ours, 3),
    peakRssMiB: round(peakRssMiB),
    rssBeforeMiB: round(rssBeforeMiB),
    node: process.version,
    loadAverage: loadavg().map((l) => round(l, 2)),
  };

  console.log(`${pages} pages, ${RUNS} runs each (medians), load average ${figures.loadAverage.join(' ')}`);
  console.log(`  ours (unpdf + layout)  ${figures.ours.medianMs} ms  ${figures.ours.pagesPerSecond} pages/s  (first run, loading pdf.js: ${figures.ours.coldFirstRunMs} ms)`);
  console.log(`  pdf.js alone           ${figures.pdfjsOnly.medianMs} ms  ${figures.pdfjsOnly.pagesPerSecond} pages/s`);
  console.log(`  our layout alone       ${figures.ourLayout.medianMs} ms  (${round(figures.ourLayout.shareOfOurTime * 100)}% of our time)`);
  console.log(`  pdftotext              ${figures.pdftotext.medianMs} ms  ${figures.pdftotext.pagesPerSecond} pages/s  (process spawn included)`);
  console.log(`  speed ours/pdftotext   ${figures.oursOverPdftotextSpeed}`);
  console.log(`  peak RSS: ours ${figures.peakRssMiB} MiB (process, from ${figures.rssBeforeMiB} MiB before), pdftotext ${figures.pdftotext.peakRssMiB} MiB`);
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
