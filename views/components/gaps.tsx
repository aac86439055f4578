/**
 * The gaps in the evidence of a status (`domain/gaps.ts`) as a researcher reads them: each named, with what to find.
 * Used by `/gaps` and by each state's page.
 */
import { evidenceGaps, type Gap } from '../../src/domain/gaps.js';
import type { JurisdictionStatus } from '../../src/domain/status.js';
import { CONFIDENCES, GAP_KINDS, STATUSES } from '../../src/domain/vocabulary.js';
import { label } from '../i18n/index.js';
import type { PageCtx } from '../layout.js';

/** What the researcher is asked to find for one gap, in the page's language. */
export function whatToFind(gap: Gap, ctx: PageCtx): string {
  const { what } = ctx.t.gaps;
  switch (gap.kind) {
    case 'unknown-status':
      return what['unknown-status'];
    case 'undated-fact':
      return what['undated-fact'](label(STATUSES, gap.status, ctx.lang));
    case 'imprecise-date':
      return what['imprecise-date'](gap.precision);
    case 'weak-evidence':
      return what['weak-evidence'](label(CONFIDENCES, gap.confidence, ctx.lang).toLowerCase());
  }
}

/** A state's own gaps, under its evidence (which shows the facts), with a link to every state's. */
export function GapNote({ status, ctx }: { status: JurisdictionStatus; ctx: PageCtx }) {
  const gaps = evidenceGaps(status);
  if (!gaps.length) return null;
  return (
    <div class="gap-note">
      <p class="gap-note-head">{ctx.t.gaps.heading}</p>
      <ul>
        {gaps.map((g) => (
          <li data-kind={g.kind}>
            <strong>{label(GAP_KINDS, g.kind, ctx.lang)}.</strong> {whatToFind(g, ctx)}
          </li>
        ))}
      </ul>
      <a href="/gaps">{ctx.t.gaps.everyState}</a>
    </div>
  );
}
