/**
 * Small pieces every page uses to show a fact honestly: its status (colour and words, never colour alone), its date
 * with its own precision, its source, its confidence, and its notes with conflicts and corrections flagged.
 */
import { CONFIDENCES, STATUSES, ACTION_CLASSIFICATIONS, type Status } from '../../src/domain/vocabulary.js';
import { HATCH } from '../palette.js';
import type { Evidence } from '../../src/domain/status.js';
import { factDate, label, type Lang } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';

/** A colour square for a status, drawn by `palette.css` (generated from `palette.ts`). */
export function Swatch({ status }: { status: Status }) {
  return <span class="swatch" data-status={status} aria-hidden="true"></span>;
}

/** The `unknown` hatch as an SVG pattern with the given id. */
export function HatchDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={HATCH.background} />
        <rect width="1.6" height="6" fill={HATCH.line} />
      </pattern>
    </defs>
  );
}

export function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  return (
    <span class="status-badge" data-status={status}>
      <Swatch status={status} />
      <span>{label(STATUSES, status, lang)}</span>
    </span>
  );
}

export function FactDate({ date, precision, lang }: { date: string; precision: string; lang: Lang }) {
  const text = factDate(date, precision, lang);
  const machine = /^\d{4}(-\d{2}){0,2}$/.test(date) ? date : /^before (\d{4}-\d{2}-\d{2})/.exec(date)?.[1];
  return machine ? (
    <time datetime={machine} data-precision={precision}>{text}</time>
  ) : (
    <span class="date-unknown" data-precision={precision}>{text}</span>
  );
}

export function Confidence({ level, ctx }: { level: string; ctx: PageCtx }) {
  const name = label(CONFIDENCES, level, ctx.lang);
  const dots = level === 'high' ? 3 : level === 'medium' ? 2 : 1;
  return (
    <span class={`confidence confidence-${level}`} title={ctx.t.evidence.confidenceOf(name)}>
      <span class="dots" aria-hidden="true">{'●'.repeat(dots) + '○'.repeat(3 - dots)}</span>
      <span class="visually-hidden">{ctx.t.evidence.confidence}: </span>
      {name}
    </span>
  );
}

/** Full URLs, and bare web addresses as sources often write them (`heraldo.mx/en-vigor…`, `studylib.es/doc/4440696`). */
const LINK_RE = /https?:\/\/[^\s;,)]+|\b(?:[a-z0-9-]+\.)+(?:mx|com|org|net|es|info|edu|int|gov)\b(?:\/[^\s;,)]*)?/gi;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

type Piece = { text: string } | { href: string; shown: string };

/** Splits a citation into text and links; a full URL is shown by its host, a bare address as written. */
export function citationPieces(citation: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of citation.matchAll(LINK_RE)) {
    if (m.index! > at) out.push({ text: citation.slice(at, m.index) });
    const raw = m[0].replace(/[.]+$/, '');
    const full = /^https?:/i.test(raw);
    out.push({ href: full ? raw : `https://${raw}`, shown: full ? hostOf(raw) : raw });
    at = m.index! + raw.length;
  }
  if (at < citation.length) out.push({ text: citation.slice(at) });
  return out;
}

/** A source citation: its links live, the rest as written; a citation without links links to `url` when known. */
export function SourceCite({ citation, url, ctx, bare = false }: { citation: string; url: string | null; ctx: PageCtx; bare?: boolean }) {
  const pieces = citationPieces(citation.trim());
  const hasLink = pieces.some((p) => 'href' in p);
  // Only web links: a stored `javascript:` or `data:` URL is shown as text, never made clickable.
  const safe = url && /^https?:\/\//i.test(url) ? url : null;
  return (
    <span class="source">
      {bare ? null : <><span class="source-label">{ctx.t.evidence.source}:</span>{' '}</>}
      {!hasLink && safe ? (
        <a href={safe} rel="noopener noreferrer external">{citation}</a>
      ) : (
        pieces.map((p) =>
          'href' in p ? (
            <a href={p.href} rel="noopener noreferrer external" title={p.href}>{p.shown}</a>
          ) : (
            p.text
          ),
        )
      )}
    </span>
  );
}

/** Notes as written, with a visible flag when they record a conflict between sources or a correction. */
export function Notes({ notes, ctx }: { notes: string | null | undefined; ctx: PageCtx }) {
  if (!notes) return null;
  const conflict = /CONFLICT/i.test(notes);
  const corrects = /CORRECTS/i.test(notes);
  return (
    <div class={`notes${conflict ? ' has-conflict' : ''}${corrects ? ' has-correction' : ''}`}>
      {conflict ? <span class="flag flag-conflict">⚠ {ctx.t.evidence.conflict}</span> : null}
      {corrects ? <span class="flag flag-corrects">✎ {ctx.t.evidence.corrects}</span> : null}
      <span class="notes-text">{notes}</span>
    </div>
  );
}

/** One piece of evidence: the bill, what happened and when, source, confidence, notes. */
export function EvidenceItem({ ev, ctx, showBill = true }: { ev: Evidence; ctx: PageCtx; showBill?: boolean }) {
  return (
    <li class="evidence">
      {showBill ? (
        <a class="evidence-bill" href={`/bills/${encodeURIComponent(ev.billId)}`}>{ev.billTitle}</a>
      ) : null}
      <div class="evidence-meta">
        <span>{label(ACTION_CLASSIFICATIONS, ev.classification, ctx.lang)}</span>
        {' · '}
        <FactDate date={ev.date} precision={ev.datePrecision} lang={ctx.lang} />
        {' · '}
        <Confidence level={ev.confidence} ctx={ctx} />
      </div>
      <div class="evidence-source">
        <SourceCite citation={ev.source} url={ev.sourceUrl} ctx={ctx} />
      </div>
      <Notes notes={ev.notes} ctx={ctx} />
    </li>
  );
}

/** The undated facts beside a dated status, said plainly. */
export function UndatedNote({ undated, ctx, compact = false }: { undated: { status: Status; evidence: Evidence[] } | null; ctx: PageCtx; compact?: boolean }) {
  if (!undated) return null;
  const name = label(STATUSES, undated.status, ctx.lang);
  if (compact) {
    return (
      <span class="undated-chip" title={ctx.t.evidence.undatedExplain(name)}>
        <UndatedIcon /> {ctx.t.evidence.undatedShort(name)}
      </span>
    );
  }
  return (
    <div class="undated-box">
      <h3>
        <UndatedIcon /> {ctx.t.evidence.undatedHeading}
      </h3>
      <p>{ctx.t.evidence.undatedExplain(name)}</p>
      <ul class="evidence-list">
        {undated.evidence.map((ev) => (
          <EvidenceItem ev={ev} ctx={ctx} />
        ))}
      </ul>
    </div>
  );
}

export function UndatedIcon() {
  return (
    <svg class="undated-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="5.5" fill="#fff" stroke="#1b1f24" stroke-width="1.6" />
      <circle cx="7" cy="7" r="2.2" fill="#1b1f24" />
    </svg>
  );
}
