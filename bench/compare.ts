/**
 * Benchmark of the text engine against `git diff --no-index --word-diff=porcelain` (run: npm run bench:compare).
 *
 * On the General Law (../shared/corpus) against (a) a copy with 2% of its words edited, (b) 20% edited, (c) its articles
 * reordered and renumbered, (d) an unrelated text of similar size: the time of a full compare (segment both texts +
 * align + redline + coverage), median of several runs, and in the same run on the same pair of files written to a temp
 * dir, git's word diff, run alternately with ours and timed as a shell times it (a bash child, output to /dev/null:
 * lib/git-runner.ts says why). Inputs are generated with a seeded PRNG (bench/lib/edits.ts), so runs are repeatable.
 *
 * Both texts are segmented as a comparison segments them, with `segmentUnits`: every line is read and every unit
 * recognised, numbered and stripped of notes and page furniture, but the trees of paragraphs, fracciones and incisos
 * inside the units, which no comparison reads, are not built (POST /api/compare does the same for the bill).
 *
 * Targets: our median ≤ git's for (a), (b), (c); under 300 ms for (d); a result every time. Printed beside them, not
 * a target: "model kept", the same comparison when the model's segmentation is already in memory, as it is for
 * POST /api/compare against a stored model (only the bill is segmented). Also printed: how many
 * edited articles were paired with the right article at 20%, how many renumbered articles with their new number, and
 * peak memory. The last line is one JSON object with every figure.
 *
 * The engine is warmed up first, in rounds over all the cases (a server compares many different bills with the same
 * code) making the same calls as the timed runs, until V8 has compiled it: its optimizing compiler keeps working for
 * about a hundred comparisons, on the same two cores the timed runs use. Then the cases are timed in rounds, one run of
 * each per round, in a shuffled order. The first, cold comparison is printed too.
 *
 * Also printed, as context, just before and just after the timed rounds: the latency of a random read over 8 MB
 * (lib/memory-probe.ts), and the time of one step of a fixed loop that stays in the L1 cache (lib/cpu-probe.ts). This
 * machine's shared cache and its cores are each slow for a second to minutes at a time, and our engine, which allocates
 * and reads more memory than git, slows down more than git does: a ratio is best read beside them.
 *
 * Wall time is the target; CPU time is printed beside it (ours: median per run, all of this process's threads; git's:
 * mean per run, from the runner's finished children on Linux), because on a loaded machine wall time mostly measures
 * the wait for a core.
 * Environment: BENCH_RUNS (default 21 rounds), BENCH_WARMUP (default 30 rounds of every case).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, segment, segmentUnits } from '../src/text';
import type { Comparison } from '../src/text';
import { generalLawOrExit } from './lib/corpus';
import { ownCpuMs } from './lib/cpu';
import { editWords, prng, reorderArticles, shuffle, unrelatedText } from './lib/edits';
import { cpuStepNs } from './lib/cpu-probe';
import { memoryLatencyNs } from './lib/memory-probe';
import { startGitRunner } from './lib/git-runner';
import { median, round } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

interface Case {
  name: string;
  text: string;
  /** Checks the comparison and returns extra figures (pairing accuracy). */
  check: (c: Comparison) => Record<string, number>;
  target: (ours: number, git: number) => boolean;
}

/** What the timed runs of one case collect. */
interface Samples {
  case: Case;
  /** The bill's file, beside model.txt, for git. */
  file: string;
  ours: number[];
  oursCpu: number[];
  gits: number[];
  /** Sum of git's CPU times, null where they cannot be read. */
  gitCpu: number | null;
  kept: number[];
  last?: Comparison;
  failures: number;
}

async function main(): Promise<void> {
  const law = generalLawOrExit();
  const model = segment(law);
  const articles = model.units.filter((u) => u.kind === 'article').map((u) => u.ref);
  const edited2 = editWords(law, 0.02, 1);
  const edited20 = editWords(law, 0.2, 2);
  const reordered = reorderArticles(law, 3);
  const unrelated = unrelatedText(model.wordCount, 4);
  const pairedSame = (c: Comparison, refs: Iterable<string>, to: (ref: string) => string | undefined) => {
    const byModel = new Map(c.coverage.map((e) => [e.model, e.matches]));
    let correct = 0;
    let total = 0;
    for (const ref of refs) {
      total++;
      const m = byModel.get(ref) ?? [];
      if (m.length === 1 && m[0] === to(ref)) correct++;
    }
    return { total, correct };
  };
  const cases: Case[] = [
    {
      name: 'a) 2% edited',
      text: edited2.text,
      check: (c) => {
        const p = pairedSame(c, articles, (r) => r);
        return { articlesPairedRight: p.correct, articles: p.total };
      },
      target: (o, g) => o <= g,
    },
    {
      name: 'b) 20% edited',
      text: edited20.text,
      check: (c) => {
        const p = pairedSame(c, edited20.editedArticles, (r) => r);
        return { editedArticlesPairedRight: p.correct, editedArticles: p.total };
      },
      target: (o, g) => o <= g,
    },
    {
      name: 'c) reordered+renumbered',
      text: reordered.text,
      check: (c) => {
        const p = pairedSame(c, reordered.renumbered.keys(), (r) => reordered.renumbered.get(r));
        return { renumberedPairedRight: p.correct, renumbered: p.total };
      },
      target: (o, g) => o <= g,
    },
    {
      name: 'd) unrelated',
      text: unrelated,
      check: (c) => ({ falseMatches: c.summary.present + c.summary.modified }),
      target: (o) => o < 300,
    },
  ];

  // git runs from a bash child (see lib/git-runner.ts): started before the warm-up, so its one fork is paid then.
  const git = startGitRunner();
  const dir = mkdtempSync(join(tmpdir(), 'armoniza-bench-'));
  writeFileSync(join(dir, 'model.txt'), law);
  let peakHeap = 0;
  const results: Record<string, unknown>[] = [];
  const cold0 = performance.now();
  compare(segmentUnits(law), segmentUnits(cases[0]!.text));
  const coldMs = performance.now() - cold0;
  // The warm-up makes the same calls as a timed run, "model kept" included: warmed without it, V8 met that call's
  // model (provisions with their children) during the first timed case and recompiled the engine on the other core
  // while it was being timed (its CPU time exceeded its wall time by 3-6 ms per run).
  for (let i = 0; i < WARMUP; i++) {
    for (const c of cases) {
      compare(segmentUnits(law), segmentUnits(c.text));
      compare(model, segmentUnits(c.text));
    }
  }
  const samples: Samples[] = cases.map((c, k) => ({ case: c, file: `bill-${k}.txt`, ours: [], oursCpu: [], gits: [], gitCpu: 0, kept: [], failures: 0 }));
  // One run of a case: ours (wall and CPU time), git's on the same two files, then "model kept".
  const runOnce = async (s: Samples) => {
    const c0 = ownCpuMs();
    const t0 = performance.now();
    let result: Comparison | undefined;
    try {
      result = compare(segmentUnits(law), segmentUnits(s.case.text));
    } catch (e) {
      s.failures++;
      console.error(`${s.case.name}: compare threw`, e);
    }
    const t1 = performance.now();
    s.oursCpu.push(ownCpuMs() - c0);
    const g = await git.run(dir, ['diff', '--no-index', '--word-diff=porcelain', 'model.txt', s.file]);
    if ((g.status !== 0 && g.status !== 1) || g.stderr) throw new Error(`git diff failed (${g.status}): ${g.stderr}`);
    s.gitCpu = s.gitCpu === null || g.cpuMs === null ? null : s.gitCpu + g.cpuMs;
    if (!result || result.coverage.length !== model.units.length) s.failures++;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    s.ours.push(t1 - t0);
    s.gits.push(g.ms);
    s.last = result;
    // The path of POST /api/compare: the stored model's segmentation is kept in memory, the bill is segmented.
    const t2 = performance.now();
    compare(model, segmentUnits(s.case.text));
    s.kept.push(performance.now() - t2);
  };
  let host: { memoryNsPerRead: number[]; cpuNsPerStep: number[] };
  try {
    for (const s of samples) writeFileSync(join(dir, s.file), s.case.text);
    const memoryBefore = memoryLatencyNs();
    const stepBefore = cpuStepNs();
    // Rounds of one run of every case, each round in a new (seeded) order: a slow spell of this machine (they last from
    // a second to minutes) then falls on every case alike instead of on the runs of one, and which case runs before
    // another changes from round to round, so none always pays for the garbage of the same one (d leaves the most).
    const order = [...samples];
    const rnd = prng(5);
    for (let r = 0; r < RUNS; r++) for (const s of shuffle(order, rnd)) await runOnce(s);
    host = { memoryNsPerRead: [memoryBefore, memoryLatencyNs()], cpuNsPerStep: [stepBefore, cpuStepNs()] };
    for (const { case: c, ours, oursCpu, gits, gitCpu, kept, last, failures } of samples) {
      const o = median(ours);
      const g = median(gits);
      const oc = median(oursCpu);
      const gc = gitCpu === null ? null : gitCpu / RUNS;
      results.push({
        case: c.name,
        oursMs: round(o),
        gitMs: round(g),
        ratio: round(o / g, 3),
        oursCpuMs: round(oc),
        gitCpuMs: gc === null ? null : round(gc),
        cpuRatio: gc ? round(oc / gc, 3) : null,
        modelKeptMs: round(median(kept)),
        target: c.target(o, g),
        failures,
        present: last?.summary.present,
        modified: last?.summary.modified,
        missing: last?.summary.missing,
        added: last?.summary.added,
        coarsePairs: last?.pairs.filter((p) => p.coarse).length,
        ...(last ? c.check(last) : {}),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    git.close();
  }

  console.log(`text engine vs git word-diff — General Law (${model.wordCount} words, ${model.units.length} units), ${RUNS} rounds of every case, medians`);
  console.log('case                        ours ms    git ms   ratio  target  cpu: ours   git  ratio  model kept  P/M/Mi/A            coarse  accuracy');
  for (const r of results) {
    const acc = Object.entries(r)
      .filter(([k]) => /Right|falseMatches/.test(k))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const total = Object.entries(r).find(([k]) => ['articles', 'editedArticles', 'renumbered'].includes(k))?.[1];
    console.log(
      `${String(r.case).padEnd(26)} ${String(r.oursMs).padStart(8)} ${String(r.gitMs).padStart(9)} ${String(r.ratio).padStart(7)}  ${r.target ? 'ok  ' : 'MISS'}  ${String(r.oursCpuMs).padStart(9)} ${String(r.gitCpuMs).padStart(5)} ${String(r.cpuRatio).padStart(6)}  ${String(r.modelKeptMs).padStart(10)}  ${`${r.present}/${r.modified}/${r.missing}/${r.added}`.padEnd(18)} ${String(r.coarsePairs).padStart(6)}  ${acc}${total !== undefined ? `/${total}` : ''}`,
    );
  }
  const usage = process.resourceUsage();
  const memory = { peakRssMB: round(usage.maxRSS / 1024, 1), peakHeapMB: round(peakHeap / 2 ** 20, 1) };
  console.log(`this machine before → after the timed rounds: memory ${host.memoryNsPerRead.join(' → ')} ns a read, CPU ${host.cpuNsPerStep.join(' → ')} ns a step`);
  console.log(`first (cold) comparison of case a: ${round(coldMs)} ms, then ${WARMUP} warm-up rounds`);
  console.log(`peak memory: RSS ${memory.peakRssMB} MB, heap ${memory.peakHeapMB} MB`);
  const summary = { bench: 'compare', runs: RUNS, warmupRounds: WARMUP, coldMs: round(coldMs), words: model.wordCount, units: model.units.length };
  console.log(JSON.stringify({ ...summary, results, host, memory }));
}

await main();
