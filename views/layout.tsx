/**
 * The page shell: header with navigation and the language switch, main content, footer with credits. Scripts are
 * external files (`/assets/*.js`, loaded as modules), never inline, so the Content-Security-Policy needs no
 * `unsafe-inline` for scripts and rendered pages can be cached (no per-request nonce).
 */
import type { Child } from 'hono/jsx';
import { dict, LANGS, type Dict, type Lang } from './i18n/index.js';

/** What every component needs to know about the request it renders for. */
export interface PageCtx {
  lang: Lang;
  t: Dict;
  /** Path and query of the request, without `lang`. */
  path: string;
  query: URLSearchParams;
}

export function pageCtx(lang: Lang, url: string): PageCtx {
  const u = new URL(url);
  const query = new URLSearchParams(u.search);
  query.delete('lang');
  return { lang, t: dict(lang), path: u.pathname, query };
}

/** `href` with `params` set (undefined removes one), keeping the rest of the query. */
export function withQuery(ctx: PageCtx, params: Record<string, string | undefined>, path = ctx.path): string {
  const q = new URLSearchParams(ctx.query);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export type Section = 'map' | 'timeline' | 'states' | 'gaps' | 'compare' | 'none';

export const asset = (name: string) => `/assets/${name}`;

export function Layout(props: {
  ctx: PageCtx;
  title: string;
  section: Section;
  scripts?: string[];
  description?: string;
  children: Child;
}) {
  const { ctx, title, section, scripts = [] } = props;
  const { t } = ctx;
  const nav: [Section, string, string][] = [
    ['map', '/', t.nav.map],
    ['timeline', '/timeline', t.nav.timeline],
    ['states', '/states', t.nav.states],
    ['gaps', '/gaps', t.nav.gaps],
    ['compare', '/compare', t.nav.compare],
  ];
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.brand}`}</title>
        <meta name="description" content={props.description ?? t.tagline} />
        <link rel="stylesheet" href={asset('palette.css')} />
        <link rel="stylesheet" href={asset('app.css')} />
        <link rel="icon" href={asset('favicon.svg')} type="image/svg+xml" />
        {LANGS.map((l) => (
          <link rel="alternate" hreflang={l} href={withQuery(ctx, { lang: l })} />
        ))}
        {scripts.map((s) => (
          <script type="module" src={asset(s)}></script>
        ))}
      </head>
      <body data-lang={ctx.lang}>
        <a class="skip" href="#main">{t.skipToContent}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" width="28" height="28">
                <rect x="1" y="1" width="22" height="22" rx="5" fill="#414487" />
                <path d="M6 16 L10 8 L14 14 L18 6" fill="none" stroke="#fde725" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              <span class="brand-text">
                <span class="brand-name">{t.brand}</span>
                <span class="brand-tag">{t.tagline}</span>
              </span>
            </a>
            <nav class="site-nav" aria-label={t.nav.map + ' · ' + t.nav.timeline}>
              <ul>
                {nav.map(([key, href, text]) => (
                  <li>
                    <a href={href} aria-current={section === key ? 'page' : undefined}>{text}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="lang-switch" aria-label={t.languageLabel}>
              <ul>
                {LANGS.map((l) => (
                  <li>
                    <a href={withQuery(ctx, { lang: l })} hreflang={l} lang={l} aria-current={l === ctx.lang ? 'true' : undefined}>
                      <abbr title={t.languageNames[l]}>{l.toUpperCase()}</abbr>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap footer-grid">
            <p>{t.footer.about}</p>
            <p>{t.footer.dataCredit}</p>
            <p>
              <a href="/api/docs">{t.footer.apiDocs}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page element to a complete HTML document string. */
export function documentHtml(page: Child): string {
  return '<!DOCTYPE html>' + String(page);
}
