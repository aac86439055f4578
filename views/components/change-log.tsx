/**
 * The audit trail of a bill or a state, as a table: when, who, what, and for changes the fields before and after.
 * Entries come from `src/db/audit.ts`; creations list no values (the record itself is on the page).
 */
import type { PageCtx } from '../layout.js';
import type { AuditRecord } from '../../src/db/audit.js';

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  if (!before || !after) return '';
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k] ?? null)}`)
    .join('; ');
}

export function ChangeLog({ entries, ctx }: { entries: AuditRecord[]; ctx: PageCtx }) {
  const { t, lang } = ctx;
  if (!entries.length) return <p class="muted">{t.changes.empty}</p>;
  const when = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <p class="muted">{t.changes.intro}</p>
      <div class="table-scroll" tabindex={0}>
        <table class="facts-table change-log">
          <thead>
            <tr>
              <th scope="col">{t.changes.when}</th>
              <th scope="col">{t.changes.who}</th>
              <th scope="col">{t.changes.what}</th>
              <th scope="col">{t.changes.detail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td class="nowrap"><time datetime={e.at}>{when.format(new Date(e.at))} UTC</time></td>
                <td><code>{e.actor === 'seed' ? t.changes.seed : e.actor}</code></td>
                <td>
                  {t.changes.actions[e.action]} {t.changes.entities[e.entity] ?? e.entity} <code>{e.entityId}</code>
                </td>
                <td>{changedFields(e.before, e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
