/**
 * `/models/:id`: a model text as a lawyer reads it — its provisions in order under their books, titles and chapters,
 * the transitorios of each decree apart, each provision with its reform history and its marks (mandatory or optional,
 * criterion) — with its source, original file and fingerprint, and a way to compare a draft with it.
 */
import type { ModelDetail, OutlineHeading } from '../../src/analysis/model-detail.js';
import { Layout, type PageCtx } from '../layout.js';
import { warningText } from '../i18n/engine-warnings.js';
import { FactDate, SourceCite } from '../components/facts.js';
import { bareLabel, reflow, unitName } from '../components/redline.js';
import { Breadcrumbs, Section } from './state.js';

type ModelProvision = ModelDetail['provisions'][number];

// Anchor of the i-th provision (p-1, p-2 …), to link to one.
const provisionAnchor = (i: number) => `p-${i + 1}`;

export function ModelPage({ ctx, model, outline }: { ctx: PageCtx; model: ModelDetail; outline: OutlineHeading[] }) {
  const { t, lang } = ctx;
  const count = (kind: string) => model.provisions.filter((p) => p.kind === kind).length;
  const articles = count('article');
  const transitory = count('transitory');
  const parts = sectionsOf(model.provisions, outline, ctx);
  return (
    <Layout ctx={ctx} title={`${model.title} · ${t.model.titleSuffix}`} section="compare">
      <Breadcrumbs ctx={ctx} items={[[t.nav.compare, '/compare'], [t.model.titleSuffix, null]]} />
      <div class="page-head">
        <p class="eyebrow">{t.model.eyebrow}</p>
        <h1 class="bill-heading">{model.title}</h1>
        <p class="lede">{t.model.counts(articles, transitory, model.provisions.length - articles - transitory)}</p>
        <p>
          <a class="button" href={`/compare?model=${encodeURIComponent(model.id)}`}>{t.model.compareWith}</a>
        </p>
      </div>
      <dl class="meta-list">
        <div><dt>{t.model.date}</dt><dd><FactDate date={model.date} precision={model.datePrecision} lang={lang} /></dd></div>
        <div><dt>{t.model.language}</dt><dd>{t.languageNames[model.language as 'es' | 'en'] ?? model.language}</dd></div>
        {model.fileId ? (
          <div><dt>{t.model.original}</dt><dd><a href={`/api/files/${encodeURIComponent(model.fileId)}`}>{t.model.download}</a></dd></div>
        ) : null}
        <div><dt>{t.model.fingerprint}</dt><dd><code title={model.sha256}>{model.sha256.slice(0, 12)}…</code></dd></div>
        {model.source ? <div class="meta-wide"><dt>{t.model.source}</dt><dd><SourceCite citation={model.source} url={model.source} ctx={ctx} bare /></dd></div> : null}
      </dl>
      {model.warnings.length ? (
        <details class="notice">
          <summary>{t.model.warnings}</summary>
          <ul>
            {model.warnings.map((w) => (
              <li>{warningText(w, lang)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {model.criteria.length ? (
        <Section id="criteria" title={t.model.criteria}>
          <ul>
            {model.criteria.map((c) => (
              <li>
                <strong>{c.name}</strong>: {c.refs.join(', ')}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Contents ctx={ctx} parts={parts} />
      <Section id="provisions" title={t.model.provisions}>
        <p class="help">{t.model.marksHelp}</p>
        {parts.map((part) =>
          part.heading !== undefined ? (
            <h3 class={`model-heading depth-${part.depth}`} id={part.id}>{part.heading}</h3>
          ) : (
            <ProvisionCard ctx={ctx} provision={part.provision} index={part.index} level={part.level} />
          ),
        )}
      </Section>
    </Layout>
  );
}

function ProvisionCard({ ctx, provision: p, index, level }: { ctx: PageCtx; provision: ModelProvision; index: number; level: 3 | 4 }) {
  const { t } = ctx;
  const history = [...p.notes.map((n) => ({ where: '', raw: n.raw })), ...p.children.flatMap((ch) => ch.notes.map((n) => ({ where: ch.ref.slice(p.ref.length).trim(), raw: n.raw })))];
  return (
    <article class="provision" id={provisionAnchor(index)}>
      <div class="provision-head">
        {level === 3 ? <h3>{unitName(p)}</h3> : <h4>{unitName(p)}</h4>}
        <span class={`provision-state ${p.mandatory ? 'mandatory' : 'optional'}`}>{p.mandatory ? t.model.mandatory : t.model.optional}</span>
        {p.criterion ? (
          <span class="muted">
            {t.model.criterion}: {p.criterion}
          </span>
        ) : null}
      </div>
      <div class="redline">{reflow(p.text)}</div>
      {history.length ? (
        <details class="provision-history">
          <summary>
            {t.model.history} ({history.length})
          </summary>
          <ul>
            {history.map((h) => (
              <li>
                {h.where ? <strong>{h.where}: </strong> : null}
                {h.raw}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

// The books and titles (the first two levels of headings) and the decrees' transitorios, linked.
function Contents({ ctx, parts }: { ctx: PageCtx; parts: Part[] }) {
  const entries = parts.flatMap((part) => (part.heading !== undefined && part.depth <= 1 ? [part] : []));
  if (entries.length < 2) return null;
  return (
    <nav class="model-contents" aria-labelledby="contents-h">
      <h2 id="contents-h">{ctx.t.model.contents}</h2>
      <ol>
        {entries.map((e) => (
          <li class={`depth-${e.depth}`}>
            <a href={`#${e.id}`}>{e.heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

type Part =
  | { heading: string; depth: number; id: string }
  | { heading?: undefined; provision: ModelProvision; index: number; /** h3, or h4 under a heading */ level: 3 | 4 };

// The provisions in order, with a heading before each one whose path (or, for transitorios, decree) differs from
// the previous one's: the book, title, chapter or section it opens, written as the law writes it.
function sectionsOf(provisions: ModelProvision[], outline: OutlineHeading[], ctx: PageCtx): Part[] {
  const byKey = new Map<string, OutlineHeading>();
  for (const h of outline) if (!byKey.has(h.key)) byKey.set(h.key, h);
  const parts: Part[] = [];
  let previous: string[] = [];
  let decree: string | undefined;
  let headed = false;
  provisions.forEach((p, index) => {
    if (p.kind === 'transitory') {
      if (p.decree !== decree) parts.push({ heading: ctx.t.model.transitory(p.decree), depth: 0, id: `h-${parts.length + 1}` });
      decree = p.decree;
      previous = [];
    } else {
      decree = undefined;
      let same = 0;
      while (same < p.path.length && same < previous.length && p.path[same] === previous[same]) same++;
      for (let level = same; level < p.path.length; level++) {
        const h = byKey.get(p.path.slice(0, level + 1).join(' / '));
        const label = h ? bareLabel(h.label) : p.path[level]!;
        parts.push({ heading: h?.name ? `${label} — ${h.name}` : label, depth: level, id: `h-${parts.length + 1}` });
      }
      previous = p.path;
    }
    headed ||= parts.length > 0 && parts[parts.length - 1]!.heading !== undefined;
    parts.push({ provision: p, index, level: headed ? 4 : 3 });
  });
  return parts;
}
