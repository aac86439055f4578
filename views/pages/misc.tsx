/**
 * `/timeline` (the national timeline), `/states` (every entity at a glance) and the HTML not-found page.
 */
import { dayText } from '../i18n/index.js';
import { Layout, type PageCtx } from '../layout.js';
import type { StatusData, TimelineData } from '../data.js';
import { Timeline, eventsFromActions } from '../components/timeline.js';
import { StatusBadge, UndatedIcon } from '../components/facts.js';
import { sinceText, sortRows } from '../components/status-table.js';

export function TimelinePage({ ctx, data }: { ctx: PageCtx; data: TimelineData }) {
  const { t, lang } = ctx;
  const names = new Map(data.places.map((p) => [p.id, p.kind === 'federation' ? t.timeline.federal : lang === 'es' ? p.nameEs : p.nameEn]));
  return (
    <Layout ctx={ctx} title={t.timeline.title} section="timeline" scripts={['timeline.js']} description={t.timeline.lede}>
      <div class="page-head">
        <h1>{t.timeline.heading}</h1>
        <p class="lede">{t.timeline.lede}</p>
      </div>
      <Timeline ctx={ctx} id="national-timeline" title={t.timeline.heading} events={eventsFromActions(data.actions, lang, { names, federation: data.federation })} />
    </Layout>
  );
}

export function StatesPage({ ctx, data }: { ctx: PageCtx; data: StatusData }) {
  const { t, lang } = ctx;
  const rows = sortRows(data.entities, 'name', 'asc', lang);
  return (
    <Layout ctx={ctx} title={t.states.title} section="states">
      <div class="page-head">
        <h1>{t.states.heading(data.entities.length)}</h1>
        <p class="lede">{t.home.summary(dayText(data.asOf, lang))}</p>
      </div>
      <ul class="state-grid-list">
        {data.federation ? (
          <li class="state-tile is-federation">
            <a href={`/states/${data.federation.id}`}>
              <span class="tile-name">{data.federation.name}</span>
              <span class="tile-sub">{t.home.federation}</span>
            </a>
            <StatusBadge status={data.federation.status} lang={lang} />
          </li>
        ) : null}
        {rows.map((r) => (
          <li class="state-tile" data-status={r.status}>
            <a href={`/states/${r.id}`}>
              <span class="tile-name">{r.name}</span>
              <span class="tile-sub">{sinceText(r, lang) || '—'}</span>
            </a>
            <StatusBadge status={r.status} lang={lang} />
            {r.undated ? (
              <span class="tile-undated" title={t.legend.undated}>
                <UndatedIcon />
                <span class="visually-hidden">{t.legend.undated}</span>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** `signIn`: the path to come back to after signing in, where what was asked for may be private to an account. */
export function NotFoundPage({ ctx, message, signIn }: { ctx: PageCtx; message?: string; signIn?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.notFound.title} section="none">
      <div class="page-head not-found">
        <p class="eyebrow">404</p>
        <h1>{t.notFound.heading}</h1>
        {message ? <p class="lede">{message}</p> : null}
        <p class="result-actions">
          {signIn ? <a class="button" href={`/signin?next=${encodeURIComponent(signIn)}`}>{t.signin.submit}</a> : null}
          <a class={signIn ? 'button button-quiet' : 'button'} href="/">{t.notFound.back}</a>
        </p>
      </div>
    </Layout>
  );
}

/**
 * Sign in (to a private instance, or to keep one's comparisons private): the form posts JSON to `POST /api/session`
 * through `signin.js` — the same sign-in as the API, with its rate limits — then goes on to `next`.
 */
/** `message`: why signing in is asked for (a private instance says so by `required`). */
export function SignInPage({ ctx, next, required = false, message }: { ctx: PageCtx; next: string; required?: boolean; message?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.signin.title} section="none" scripts={['signin.js']}>
      <div class="page-head">
        <h1>{t.signin.heading}</h1>
        {required ? <p class="lede">{t.signin.required}</p> : null}
        {message ? <p class="alert" role="alert">{message}</p> : null}
      </div>
      <form class="signin-form compare-form" id="signin-form" method="post" action="/api/session" data-next={next} data-failed={t.signin.failed} data-nojs={t.signin.needsJs}>
        <div>
          <label for="email">{t.signin.email}</label>
          <input type="email" id="email" name="email" autocomplete="username" required class="text-input" />
        </div>
        <div>
          <label for="password">{t.signin.password}</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required class="text-input" />
        </div>
        <div class="compare-actions">
          <button type="submit" class="button">{t.signin.submit}</button>
          <span class="signin-status" role="status" aria-live="polite"></span>
        </div>
      </form>
    </Layout>
  );
}
