/**
 * `/compare`: a draft beside a model text, article by article. (The form and the result view arrive with the
 * comparison API: `POST /api/compare`, `GET /api/compare/:id`, `GET /api/models`.)
 */
import { Layout, type PageCtx } from '../layout.js';

export function ComparePage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.compare.title} section="compare">
      <div class="page-head">
        <h1>{t.compare.heading}</h1>
        <p class="lede">{t.compare.lede}</p>
      </div>
      <p class="notice">{t.compare.unavailable}</p>
    </Layout>
  );
}
