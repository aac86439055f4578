/**
 * The pages without a browser: what the server renders, on a real SQLite file seeded with the Mexican dataset. The map
 * agrees with `/api/status`, data is escaped, the CSP is set, languages are negotiated, conditional requests get 304,
 * and the compare form and its permalink work end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { nodeAssets } from '../../views/node-assets.js';
import { fromAcceptLanguage } from '../../views/i18n/index.js';
import { es } from '../../views/i18n/es.js';
import { en } from '../../views/i18n/en.js';
import { mermaidSource } from '../../views/components/timeline.js';
import { MERMAID_VERSION } from '../../views/assets.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';
import { readFileSync } from 'node:fs';
import { comparisons } from '../../src/db/schema.js';
import { createUser } from '../../src/db/users.js';

let t: NodeApp;
let app: ReturnType<typeof createApp>;

const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers });
const html = async (url: string, headers: Record<string, string> = {}) => {
  const res = await get(url, headers);
  return { res, body: await res.text() };
};
/** `data-id` → `data-status` of the map's paths. */
function mapStatuses(body: string): Map<string, string> {
  const svg = body.slice(body.indexOf('<svg id="status-map"'), body.indexOf('</svg>', body.indexOf('<svg id="status-map"')));
  return new Map([...svg.matchAll(/<path d="[^"]*" data-id="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

beforeAll(async () => {
  t = await startNodeApp();
  // The same store, with the pages' asset loader (page data is kept only until the data changes).
  app = createApp({ store: t.store, config: { adminToken: TEST_TOKEN }, assets: nodeAssets() });
});
afterAll(() => t.close());

describe('the map page', () => {
  it('draws all 32 entities, each coloured by the status /api/status gives at that date', async () => {
    for (const asOf of ['2009-01-01', '2012-06-14', '2020-01-01']) {
      const { res, body } = await html(`/?asOf=${asOf}&lang=es`);
      expect(res.status).toBe(200);
      const drawn = mapStatuses(body);
      const api = (await t.call('GET', `/api/status?asOf=${asOf}`)).body;
      const entities = api.jurisdictions.filter((j: any) => j.id !== 'MX');
      expect(drawn.size).toBe(32);
      expect(t.seed.map.shapes).toHaveLength(32);
      for (const j of entities) expect(drawn.get(j.id), `${j.id} at ${asOf}`).toBe(j.status);
    }
  });

  it('has a legend whose counts add up to 32 and tells unknown from none', async () => {
    const { body } = await html('/?asOf=2016-01-01&lang=en');
    const counts = [...body.matchAll(/<li data-status="([a-z-]+)"[^>]*>.*?data-count="(\d+)"/gs)].map((m) => [m[1], Number(m[2])] as const);
    const byStatus = Object.fromEntries(counts);
    expect(Object.keys(byStatus)).toEqual(expect.arrayContaining(['unknown', 'none', 'harmonized', 'undated']));
    const total = counts.filter(([s]) => s !== 'undated').reduce((a, [, n]) => a + n, 0);
    expect(total).toBe(32);
    // Different fills: the hatch for unknown, a colour for none.
    expect(body).toMatch(/data-status="unknown" fill="url\(#hatch-unknown\)"/);
    const css = await (await get('/assets/palette.css')).text();
    expect(css).toContain('[data-status="none"]');
  });

  it('keeps the date in the URL, the downloads and the embed code', async () => {
    const { body } = await html('/?asOf=2012-06-14&lang=es');
    expect(body).toContain('value="2012-06-14"');
    expect(body).toContain('/api/status.csv?asOf=2012-06-14&amp;lang=es');
    expect(body).toContain('/map.svg?asOf=2012-06-14&amp;lang=es');
    expect(body).toContain('/embed/map?asOf=2012-06-14&amp;lang=es');
    expect(body).toContain('14 de junio de 2012');
  });

  it('shows undated evidence, sources, confidence, and flags conflicts', async () => {
    const { body } = await html('/?asOf=2026-01-01&lang=en');
    expect(body).toContain('On record with an unknown date');
    expect(body).toContain('Sources conflict');
    expect(body).toMatch(/class="confidence confidence-(high|medium|low)"/);
    expect(body).toContain('Source:');
  });

  it('shows dates with their own precision (a year stays a year)', async () => {
    const { body } = await html('/?asOf=2010-01-01&lang=en&sort=name');
    // Baja California's 2008 fact: shown as "2008", never as 1 January.
    const row = body.slice(body.indexOf('<tr data-id="MX-BCN"'), body.indexOf('</tr>', body.indexOf('<tr data-id="MX-BCN"')));
    expect(row).toContain('data-precision="year">2008</time>');
    expect(row).not.toContain('January 1');
  });

  it('sorts the table on the server when asked (for readers without JavaScript)', async () => {
    const { body } = await html('/?asOf=2026-01-01&lang=en&sort=status&dir=desc');
    const ids = [...body.matchAll(/<tr data-id="([^"]+)" data-status="([^"]+)"/g)].map((m) => m[2]);
    const order = ['unknown', 'none', 'introduced', 'in-committee', 'approved', 'published', 'harmonized'];
    const ranks = ids.map((s) => order.indexOf(s!));
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('answers a bad date with a message and today\'s map, not an error page', async () => {
    const { res, body } = await html('/?asOf=2012-02-30&lang=en');
    expect(res.status).toBe(400);
    expect(body).toContain('is not a valid date');
    expect(mapStatuses(body).size).toBe(32);
  });
});

describe('embed, SVG, partials', () => {
  it('/embed/map may be framed by any site; other pages may not', async () => {
    const embed = await get('/embed/map?asOf=2012-06-14');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const home = await get('/');
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('/map.svg is a standalone SVG with 32 filled paths, a legend and the map credit', async () => {
    const res = await get('/map.svg?asOf=2012-06-14&lang=en');
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await res.text();
    expect(svg.startsWith('<?xml')).toBe(true);
    expect([...svg.matchAll(/<path d="[^"]+" data-id="MX-[A-Z]{3}" data-status="[a-z-]+" fill="[^"]+"/g)]).toHaveLength(32);
    expect(svg).toContain('CC BY 4.0');
    expect(svg).toContain('Harmonized (');
  });

  it('/partials/status carries the parts the slider swaps', async () => {
    const { body } = await html('/partials/status?asOf=2009-01-01&lang=es');
    for (const slot of ['asof', 'legend', 'federation', 'table']) expect(body).toContain(`data-slot="${slot}"`);
    expect(body).not.toContain('<html');
  });
});

describe('state, bill and timeline pages', () => {
  it('a state page has status, history, evidence, bills and a timeline source', async () => {
    const { res, body } = await html('/states/MX-CHP?lang=es');
    expect(res.status).toBe(200);
    expect(body).toContain('<h1>Chiapas</h1>');
    expect(body).toContain('3 de abril de 2009');
    expect(body).toMatch(/<pre id="state-timeline-src" class="mermaid-source">[^<]*timeline/);
    expect(body).toContain('/locator/chp/');
    const locator = await get(body.match(/\/locator\/chp\/[a-z-]+\.svg/)![0]);
    expect(locator.status).toBe(200);
  });

  it('an unknown state or bill is an HTML 404 page', async () => {
    const state = await get('/states/MX-NOPE', { 'Accept-Language': 'en' });
    expect(state.status).toBe(404);
    expect(await state.text()).toContain('There is no such state.');
    expect((await get('/bills/nope')).status).toBe(404);
  });

  it('any other address is an HTML 404 page for a browser, and JSON for the API and other clients', async () => {
    const browser = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'Accept-Language': 'en' };
    for (const path of ['/bills', '/models', '/no/such/page']) {
      const res = await get(path, browser);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'self'");
      expect(await res.text(), path).toContain('Page not found');
    }
    for (const [path, headers] of [['/no/such/page', {}], ['/api/nope', browser]] as const) {
      const res = await get(path, headers);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code, path).toBe('not_found');
    }
  });

  it('a bill page lists its actions with sources and its timeline', async () => {
    const { res, body } = await html('/bills/mx-lgpsedmtp?lang=en');
    expect(res.status).toBe(200);
    expect(body).toContain('June 14, 2012');
    expect(body).toContain('Published in the official gazette');
  });

  it('harmonization with the General Law is asked of state bills, not of federal ones', async () => {
    const cell = (body: string) => body.match(/<dt>Harmonizes with the General Law<\/dt><dd>([^<]*)<\/dd>/g)!.map((m) => m.replace(/.*<dd>/, '').replace('</dd>', ''));
    expect(cell((await html('/bills/mx-lgpsedmtp?lang=en')).body)).toEqual(['Not applicable: federal law']);
    expect(cell((await html('/states/MX?lang=en')).body).every((v) => v === 'Not applicable: federal law')).toBe(true);
    const state = cell((await html('/states/MX-BCN?lang=en')).body);
    expect(state).toContain('Yes');
    expect(state.every((v) => v === 'Yes' || v === 'No')).toBe(true);
  });

  it('the national timeline has a mermaid source grouped by year, and an undated group', async () => {
    const { body } = await html('/timeline?lang=en');
    const source = body.match(/<pre id="national-timeline-src" class="mermaid-source">([^<]*)<\/pre>/)![1]!;
    expect(source).toMatch(/^%% .*\ntimeline\n/);
    expect(source).toMatch(/\n {2}2012 : /);
    expect(body).toContain('Date unknown');
  });

  it('mermaidSource keeps the grammar safe: no colons, hashes or semicolons inside events', () => {
    const src = mermaidSource('x', [{ date: '2010-01-02', precision: 'day', what: 'a', short: 'Título: uno; #dos <b>', milestone: true }], 'es');
    const event = src.split('\n').at(-1)!;
    expect(event.split(' : ')).toHaveLength(2);
    expect(event).not.toMatch(/[;#<>]/);
  });

  it('mermaidSource dates an event within its year, and says when only the year is known', () => {
    const events = [
      { date: '2008', precision: 'year', what: 'a', short: 'Publicada: Ley A', milestone: true },
      { date: '2008-04-30', precision: 'day', what: 'b', short: 'Publicada: Ley B', milestone: true },
    ];
    expect(mermaidSource('x', events, 'es')).toContain('2008 : día desconocido — Publicada – Ley A\n       : 30 de abril — Publicada – Ley B');
    expect(mermaidSource('x', events, 'en')).toContain('2008 : day unknown — Publicada – Ley A');
  });
});

describe('the research gaps page', () => {
  it('lists every jurisdiction /api/gaps lists, each gap with what to find and its evidence, in both languages', async () => {
    const api = (await t.call('GET', '/api/gaps?asOf=2016-06-30&lang=en')).body;
    const { res, body } = await html('/gaps?asOf=2016-06-30&lang=en');
    expect(res.status).toBe(200);
    const listed = [...body.matchAll(/<li class="gap-entity" id="([^"]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(api.jurisdictions.map((j: { id: string }) => j.id));
    for (const j of api.jurisdictions) expect(body).toContain(`href="/states/${j.id}"`);
    const kinds = [...body.matchAll(/<li class="gap" data-kind="([a-z-]+)">/g)].map((m) => m[1]);
    expect(kinds).toEqual(api.jurisdictions.flatMap((j: { gaps: { kind: string }[] }) => j.gaps.map((g) => g.kind)));
    expect(body).toContain(`${api.jurisdictions.length} of 33 jurisdictions have gaps`);
    expect(body).toContain('find the date of a law, a reform, or a report that no law exists');
    expect(body).toContain('href="/api/gaps.csv?asOf=2016-06-30&amp;lang=en"');
    const es = await html('/gaps?asOf=2016-06-30&lang=es');
    expect(es.body).toContain('<h1>Qué falta investigar</h1>');
    expect(es.body).toContain('busque la fecha de una ley');
  });

  it('shows one kind of gap when its card is chosen, and says so when the kind or the date is not one', async () => {
    const api = (await t.call('GET', '/api/gaps?asOf=2026-01-01&lang=en')).body;
    const { body } = await html('/gaps?asOf=2026-01-01&lang=en&kind=weak-evidence');
    const listed = [...body.matchAll(/<li class="gap-entity" id="([^"]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(api.jurisdictions.filter((j: any) => j.gaps.some((g: any) => g.kind === 'weak-evidence')).map((j: any) => j.id));
    expect(body).toMatch(/data-kind="weak-evidence" aria-current="true"/);
    const bad = await html('/gaps?lang=en&kind=rumours');
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain('“rumours” is not a kind of gap; showing every gap.');
    const badDate = await html('/gaps?lang=en&asOf=2016-02-30');
    expect(badDate.res.status).toBe(400);
    expect(badDate.body).toContain('is not a valid date');
  });

  it('shows a state its own gaps under its evidence, and none where the evidence is complete', async () => {
    const api = (await t.call('GET', '/api/gaps?lang=en')).body;
    const agu = api.jurisdictions.find((j: { id: string }) => j.id === 'MX-AGU');
    const { body } = await html('/states/MX-AGU?lang=en');
    const note = body.slice(body.indexOf('<div class="gap-note">'), body.indexOf('</div>', body.indexOf('<div class="gap-note">')));
    expect([...note.matchAll(/<li data-kind="([a-z-]+)">/g)].map((m) => m[1])).toEqual(agu.gaps.map((g: { kind: string }) => g.kind));
    expect(note).toContain('find the date of a law');
    expect(note).toContain('href="/gaps"');
    expect(api.jurisdictions.some((j: { id: string }) => j.id === 'MX-CHP')).toBe(false);
    expect((await html('/states/MX-CHP?lang=en')).body).not.toContain('gap-note');
  });

  it('is in the navigation of every page', async () => {
    for (const path of ['/', '/states', '/compare']) expect((await html(`${path}?lang=en`)).body).toContain('<a href="/gaps">Gaps</a>');
  });
});

describe('safety', () => {
  it('escapes data: a bill titled <script> is shown as text on every page that shows it', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-AGU', title: evil, kind: 'law', source: `https://example.org/?q="><script>alert(3)</script>`, confidence: 'low', notes: 'CONFLICT: <b>x</b>' });
    expect(bill.status).toBe(201);
    const action = await t.call('POST', `/api/bills/${bill.body.id}/actions`, { date: '2030-01-01', classification: 'introduction', description: evil, source: 'x', confidence: 'low' });
    expect(action.status).toBe(201);
    for (const url of [`/bills/${bill.body.id}`, '/states/MX-AGU', '/timeline', '/?asOf=2030-06-01']) {
      const { body } = await html(url);
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
      if (url !== '/?asOf=2030-06-01') expect(body, url).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('links only web addresses from sources: a javascript: URL stays text', async () => {
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-DUR', title: 'Ley con fuente hostil', kind: 'law', source: 'x', confidence: 'low' });
    const version = await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'introduced', date: '2020', text: 'Artículo 1. Texto.', sourceUrl: 'javascript:alert(1)' });
    const { body } = await html(`/bills/${bill.body.id}`);
    expect(body).not.toContain('href="javascript:');
    if (version.status === 201) expect(body).toContain('javascript:alert(1)');
  });

  it('sets a Content-Security-Policy without inline scripts, and serves only external scripts', async () => {
    const { res, body } = await html('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('unsafe-eval');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a private instance', () => {
  it('shows its pages to signed-in accounts only, as its API does, and still serves the sign-in page and assets', async () => {
    const closed = createApp({ store: t.store, config: { adminToken: TEST_TOKEN, private: true }, assets: nodeAssets() });
    for (const path of ['/', '/states/MX-CHP', '/timeline', '/embed/map', '/map.svg', '/partials/status']) {
      const res = await closed.request(path);
      expect(res.status, path).toBe(401);
      const body = await res.text();
      expect(body, path).toContain('id="signin-form"');
      expect(body, path).not.toContain('Chiapas');
    }
    const signedIn = await closed.request('/states/MX-CHP', { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toContain('private');
    expect((await closed.request('/signin?next=/timeline')).status).toBe(200);
    expect((await closed.request('/assets/app.css')).status).toBe(200);
  });
});

describe('languages', () => {
  it('?lang= wins and is remembered in a cookie; then the cookie; then Accept-Language', async () => {
    const first = await get('/?lang=en', { 'Accept-Language': 'es-MX' });
    expect(await first.text()).toContain('<html lang="en">');
    expect(first.headers.get('set-cookie')).toContain('lang=en');
    const byCookie = await html('/states', { Cookie: 'lang=en', 'Accept-Language': 'es' });
    expect(byCookie.body).toContain('The 32 federal entities');
    const byHeader = await html('/states', { 'Accept-Language': 'en-GB,en;q=0.8' });
    expect(byHeader.body).toContain('The 32 federal entities');
    const fallback = await html('/states', { 'Accept-Language': 'fr' });
    expect(fallback.body).toContain('Las 32 entidades federativas');
  });

  it('every page has a switch to the other language that keeps the page and its query', async () => {
    const { body } = await html('/?asOf=2012-06-14&lang=es');
    expect(body).toContain('href="/?asOf=2012-06-14&amp;lang=en"');
    const state = await html('/states/MX-CHP?lang=en');
    expect(state.body).toContain('href="/states/MX-CHP?lang=es"');
  });

  it('labels the navigation for screen readers in the page\'s language', async () => {
    expect((await html('/states/MX-CHP?lang=es')).body).toContain('<nav class="breadcrumbs" aria-label="Ruta de navegación">');
    expect((await html('/states/MX-CHP?lang=en')).body).toContain('<nav class="breadcrumbs" aria-label="Breadcrumb">');
  });

  it('parses Accept-Language by quality', () => {
    expect(fromAcceptLanguage('fr;q=1, en;q=0.5, es;q=0.9')).toBe('es');
    expect(fromAcceptLanguage('en-US')).toBe('en');
    expect(fromAcceptLanguage(undefined)).toBe('es');
    expect(fromAcceptLanguage('es;q=0, en;q=0.1')).toBe('en');
  });

  it('the two dictionaries have the same keys', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });
});

describe('caching and assets', () => {
  it('answers a conditional request with 304 while the data is unchanged, and the new data at once after a write', async () => {
    const first = await get('/?asOf=2012-06-14&lang=en');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get('/?asOf=2012-06-14&lang=en', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-BCS', title: 'Ley de prueba', kind: 'law', source: 'tests', confidence: 'high' });
    await t.call('POST', `/api/bills/${bill.body.id}/actions`, { date: '2011-05-01', classification: 'publication', description: 'Publicada', source: 'tests', confidence: 'high' });
    const changed = await get('/?asOf=2012-06-14&lang=en', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(mapStatuses(await changed.text()).get('MX-BCS')).toBe('published');
  });

  it('gzips pages and text assets once for clients that accept it (when asked to, as on Node)', async () => {
    const zipping = createApp({ store: t.store, config: { adminToken: TEST_TOKEN }, assets: nodeAssets(), compressPages: true });
    const plain = await zipping.request('/?asOf=2012-06-14&lang=en');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainBody = await plain.text();
    const zipped = await zipping.request('/?asOf=2012-06-14&lang=en', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(plainBody.length / 4);
    const unzipped = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(unzipped).toBe(plainBody);
    expect((await zipping.request('/?asOf=2012-06-14&lang=en', { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } })).headers.get('content-encoding')).toBeNull();
    const css = await zipping.request('/assets/app.css', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(css.headers.get('content-encoding')).toBe('gzip');
    // Off by default (Workers compresses at the edge).
    expect((await get('/?asOf=2012-06-14&lang=en', { 'Accept-Encoding': 'gzip' })).headers.get('content-encoding')).toBeNull();
  });

  it('serves our assets and the mermaid bundle of the installed version, and nothing else', async () => {
    const pkg = JSON.parse(readFileSync('node_modules/mermaid/package.json', 'utf8'));
    expect(MERMAID_VERSION).toBe(pkg.version);
    const mjs = await get(`/assets/vendor/mermaid-${MERMAID_VERSION}/mermaid.esm.min.mjs`);
    expect(mjs.status).toBe(200);
    expect(mjs.headers.get('content-type')).toContain('javascript');
    expect(mjs.headers.get('cache-control')).toContain('immutable');
    const chunk = (await mjs.clone().text()).match(/\.\/chunks\/mermaid\.esm\.min\/([\w-]+\.mjs)/)![1];
    expect((await get(`/assets/vendor/mermaid-${MERMAID_VERSION}/chunks/mermaid.esm.min/${chunk}`)).status).toBe(200);
    for (const bad of ['/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/vendor/mermaid-0.0.1/mermaid.esm.min.mjs', '/assets/vendor/mermaid-12.3.0/mermaid.min.js', '/assets/nope.css']) {
      expect((await get(bad)).status, bad).toBe(404);
    }
    const css = await get('/assets/app.css');
    expect(css.status).toBe(200);
    expect((await get('/assets/app.css', { 'If-None-Match': css.headers.get('etag')! })).status).toBe(304);
  });
});

describe('compare', () => {
  const MODEL = ['Artículo 1. Esta ley protege a las víctimas de trata de personas.', 'Artículo 2. Se crea un fondo de reparación para las víctimas.', 'Artículo 3. La ley entra en vigor al día siguiente.'].join('\n');
  const DRAFT = ['Artículo 1. Esta ley protege a todas las víctimas de trata de personas.', 'Artículo 3. La ley entra en vigor al día siguiente.', 'Artículo 4. El Estado llevará un registro <b>público</b>.'].join('\n');
  let modelId: string;

  beforeAll(async () => {
    const res = await t.call('POST', '/api/models', { title: 'Modelo de prueba', text: MODEL, source: 'tests', date: '2012-06-14' });
    expect(res.status).toBe(201);
    modelId = res.body.id;
  });

  const post = (form: FormData, headers: Record<string, string> = {}) => app.request('http://localhost/compare', { method: 'POST', body: form, headers: { Origin: 'http://localhost', ...headers } });

  it('lists the models on the form', async () => {
    const { body } = await html('/compare?lang=en');
    expect(body).toContain(`<option value="${modelId}"`);
    expect(body).toContain('enctype="multipart/form-data"');
  });

  it('pasted text → redirect to the permalink → coverage, missing, redline, added; same as the API', async () => {
    const form = new FormData();
    form.set('model', modelId);
    form.set('label', 'Proyecto <i>de prueba</i>');
    form.set('text', DRAFT);
    const res = await post(form);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const id = location.split('/').pop()!;
    const api = (await t.call('GET', `/api/compare/${id}`)).body;
    const { body } = await html(`${location}?lang=en`);
    expect(body).toContain('Proyecto &lt;i&gt;de prueba&lt;/i&gt;');
    expect(body).toContain(`<span class="n">${api.result.summary.missing}</span>`);
    expect(body).toMatch(/<ins>[^<]*todas[^<]*<\/ins>/);
    expect(body).toContain('&lt;b&gt;público&lt;/b&gt;');
    expect(body).toMatch(/href="#m-2"/); // the missing Artículo 2, linked
    const side = await html(`${location}?lang=en&view=side`);
    expect(side.body).toContain('class="side-by-side"');
    expect(body).toContain(`href="/api/compare/${id}/coverage.csv"`);
    expect(body).toContain(`href="/api/compare/${id}"`);
  });

  it('names each transitorio with its decree, and leaves a moved line break unmarked (the data keeps it)', async () => {
    const model = [
      'Artículo 1. Esta ley protege a las víctimas de trata de personas',
      'en todo el territorio nacional.',
      'TRANSITORIOS',
      'Primero.- La ley entra en vigor al día siguiente.',
      'ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA',
      'DECRETO por el que se reforma el artículo 1.',
      'Publicado en el Diario Oficial de la Federación el 19 de enero de 2018',
      'TRANSITORIO',
      'Primero.- El decreto entra en vigor al día siguiente.',
    ].join('\n');
    const created = await t.call('POST', '/api/models', { title: 'Ley con reformas', text: model, source: 'tests', date: '2018-01-19' });
    expect(created.status).toBe(201);
    const form = new FormData();
    form.set('model', created.body.id);
    // One word changed, and the line broken one word earlier: "de trata de | personas en todo".
    form.set('text', 'Artículo 1. Esta ley ampara a las víctimas de trata de\npersonas en todo el territorio nacional.');
    const res = await post(form);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const api = (await t.call('GET', `/api/compare/${location.split('/').pop()}`)).body;
    const ops: { op: string; text: string }[] = api.result.pairs[0].ops;
    expect(ops).toContainEqual({ op: 'insert', text: '\n' });
    expect(ops).toContainEqual({ op: 'delete', text: '\n' });
    for (const view of ['', '&view=side']) {
      const { body } = await html(`${location}?lang=en${view}`);
      const missing = body.slice(body.indexOf('class="missing-list"'));
      expect(missing).toMatch(/>Transitorio Primero<\/a>/);
      expect(missing).toMatch(/>Transitorio Primero \(DOF 19-01-2018\)<\/a>/);
      // The article is there (modified): only the transitorios are missing, and they are folded apart.
      expect(body).toContain('Every article of the model is present or modified; only transitorios are missing.');
      expect(body).toMatch(/<details class="missing-transitory"><summary>2 transitorios of the model are missing<\/summary>/);
      expect(body).toContain('<del>protege</del>');
      expect(body).toContain('<ins>ampara</ins>');
      expect(body).not.toMatch(/<(ins|del)>\s*<\/\1>/);
      expect(body).toContain('<h3>Artículo 1</h3>');
    }
  });

  it('an uploaded text file works like pasted text', async () => {
    const form = new FormData();
    form.set('model', modelId);
    form.set('text', '');
    form.set('file', new File([DRAFT], 'borrador.txt', { type: 'text/plain' }));
    const res = await post(form);
    expect(res.status).toBe(303);
    const { body } = await html(res.headers.get('location')! + '?lang=en');
    expect(body).toContain('borrador.txt');
  });

  it('refuses a text field that is not valid UTF-8 rather than storing U+FFFD, and keeps binary files to their reader', async () => {
    const boundary = 'armoniza-test';
    const part = (name: string, ...value: BlobPart[]): BlobPart[] => [`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`, ...value, '\r\n'];
    const send = (...parts: BlobPart[]) =>
      app.request('http://localhost/compare', {
        method: 'POST',
        body: new Blob([...parts, `--${boundary}--\r\n`]),
        headers: { Origin: 'http://localhost', 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      });
    const stored = async () => (await t.store.db.select().from(comparisons)).length;
    const before = await stored();
    const bad = await send(...part('model', modelId), ...part('text', 'Artículo 1. Texto ', new Uint8Array([0xff, 0xfe]), ' roto.'));
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/«text»|“text”/);
    expect(await stored()).toBe(before);
    // The same text as valid UTF-8 goes through; a file part with any bytes is left to the upload reader.
    const good = await send(...part('model', modelId), ...part('text', DRAFT));
    expect(good.status).toBe(303);
    expect(await stored()).toBe(before + 1);
    const latin1 = Uint8Array.from(`${DRAFT} Fin é`, (ch) => ch.charCodeAt(0) & 0xff);
    const file = [
      ...part('model', modelId),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="viejo.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      latin1,
      '\r\n',
    ];
    expect((await send(...file)).status).toBe(303);
  });

  it('refuses an empty draft, an unknown model, and a cross-site post', async () => {
    const empty = new FormData();
    empty.set('model', modelId);
    empty.set('text', '  ');
    const r1 = await post(empty);
    expect(r1.status).toBe(400);
    expect(await r1.text()).toContain('role="alert"');
    const unknown = new FormData();
    unknown.set('model', 'm-nope');
    unknown.set('text', DRAFT);
    expect((await post(unknown)).status).toBe(422);
    const cross = new FormData();
    cross.set('model', modelId);
    cross.set('text', DRAFT);
    expect((await post(cross, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('a state with a text shows its coverage against the model, linked to the full comparison', async () => {
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-SIN', title: 'Iniciativa de Ley de Trata de Sinaloa', kind: 'law', harmonizes: true, source: 'tests', confidence: 'high' });
    const v1 = await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'introduced', date: '2024-02', text: DRAFT });
    expect(v1.status).toBe(201);
    const { body } = await html('/states/MX-SIN?lang=en');
    const link = body.match(/href="\/compare\/([0-9a-f]{16,})"/);
    expect(link).not.toBeNull();
    expect(body).toContain('Version: As introduced, February 2024');
    expect(body).toMatch(/against <a href="\/models\/[^"]+">Modelo de prueba<\/a>/);
    const page = await html(`/compare/${link![1]}?lang=en`);
    expect(page.res.status).toBe(200);
    expect(page.body).toContain('Modelo de prueba');

    // Two versions of the bill: the bill page shows the redline between them.
    const v2 = await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'approved', date: '2024-06-30', text: DRAFT.replace('todas las víctimas', 'todas y todos') });
    const billPage = await html(`/bills/${bill.body.id}?a=${v1.body.id}&b=${v2.body.id}&lang=en`);
    expect(billPage.body).toContain('id="redline"');
    expect(billPage.body).toMatch(/<del>[^<]*las víctimas[^<]*<\/del>/);
    expect(billPage.body).toMatch(/<ins>[^<]*y todos[^<]*<\/ins>/);
  });

  it("each version of a bill can be compared with each model from the bill's page", async () => {
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-NAY', title: 'Iniciativa de Nayarit', kind: 'law', source: 'tests', confidence: 'high' });
    const v1 = await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'introduced', date: '2015-03', text: DRAFT });
    const v2 = await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'approved', date: '2015-09-01', text: MODEL });
    const { body } = await html(`/bills/${bill.body.id}?lang=en`);
    const link = (v: string) => `/bills/${bill.body.id}/compare?version=${v}&amp;model=${modelId}`;
    expect(body).toContain('<th scope="col">Against a model</th>');
    expect(body).toContain(`href="${link(v1.body.id)}">Compare with “Modelo de prueba”</a>`);
    expect(body).toContain(`href="${link(v2.body.id)}"`);
    // Following it computes the comparison (or finds it) and shows its permalink: the approved text is the model's.
    const res = await get(link(v2.body.id).replace('&amp;', '&'));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/compare\/[0-9a-f]{16,}$/);
    const api = (await t.call('GET', `/api/compare/${location.split('/').pop()}`)).body;
    expect(api.bill).toMatchObject({ label: `${bill.body.id} (approved, 2015-09-01)`, versionId: v2.body.id });
    expect(api.result.summary).toMatchObject({ present: 3, modified: 0, missing: 0 });
    // A version of another bill, or none, is a 404.
    expect((await get(`/bills/mx-lgpsedmtp/compare?version=${v1.body.id}`)).status).toBe(404);
    expect((await get(`/bills/${bill.body.id}/compare`)).status).toBe(404);
  });

  it('an unknown permalink is a 404 page', async () => {
    expect((await get('/compare/does-not-exist')).status).toBe(404);
  });
});

describe('adding a model text from the compare page', () => {
  const PASSWORD = 'a long enough password';
  const TEXT = ['Artículo 1. Esta ley modelo protege a las víctimas.', 'Artículo 2. Se crea un registro de sentencias.'].join('\n');
  const signIn = async (email: string, address: string) => {
    const res = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ email, password: PASSWORD }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address } });
    expect(res.status).toBe(200);
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrf: string }).csrf };
  };
  let editor: { cookie: string; csrf: string };
  let viewer: { cookie: string; csrf: string };
  beforeAll(async () => {
    await createUser(t.store, 'test', { email: 'page-editor@example.org', role: 'editor', password: PASSWORD });
    await createUser(t.store, 'test', { email: 'page-viewer@example.org', role: 'viewer', password: PASSWORD });
    editor = await signIn('page-editor@example.org', '10.1.0.1');
    viewer = await signIn('page-viewer@example.org', '10.1.0.2');
  });

  const form = (fields: Record<string, string | File>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const post = (body: FormData, cookie?: string) =>
    app.request('http://localhost/compare/models?lang=en', { method: 'POST', body, headers: { Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}) } });
  const modelCount = async () => (await t.call('GET', '/api/models')).body.length as number;

  it('shows the form to editors only, with their session token, and never from the shared page cache', async () => {
    const anonymous = await html('/compare?lang=en');
    expect(anonymous.body).not.toContain('id="add-model"');
    const asViewer = await html('/compare?lang=en', { Cookie: viewer.cookie });
    expect(asViewer.body).not.toContain('id="add-model"');
    const asEditor = await html('/compare?lang=en', { Cookie: editor.cookie });
    expect(asEditor.body).toContain('id="add-model"');
    expect(asEditor.body).toContain(`name="csrf" value="${editor.csrf}"`);
    expect(asEditor.res.headers.get('cache-control')).toContain('no-store');
    expect((await html('/compare?lang=en')).body).not.toContain(editor.csrf);
  });

  it('stores a pasted text as a model, as typed, and shows its page', async () => {
    const before = await modelCount();
    const res = await post(form({ csrf: editor.csrf, title: ' Ley modelo de prueba ', language: 'es', source: 'Gaceta de prueba, p. 3', date: '2013-05', text: TEXT }), editor.cookie);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/models\/m-/);
    expect(await modelCount()).toBe(before + 1);
    const stored = (await t.call('GET', `/api/models/${location.split('/').pop()}`)).body;
    expect([stored.title, stored.language, stored.source, stored.date, stored.fileId]).toEqual([' Ley modelo de prueba ', 'es', 'Gaceta de prueba, p. 3', '2013-05', null]);
    expect(stored.provisions.map((p: { ref: string }) => p.ref)).toEqual(['1', '2']);
    expect((await html(location + '?lang=en')).body).toContain('Ley modelo de prueba');
  });

  it('keeps an uploaded original with the model, byte for byte', async () => {
    const bytes = new TextEncoder().encode(TEXT.replace('modelo', 'modelo subida'));
    const res = await post(form({ csrf: editor.csrf, title: 'Ley subida', language: 'es', source: '', date: '', text: '', file: new File([bytes], 'ley.txt', { type: 'text/plain' }) }), editor.cookie);
    expect(res.status).toBe(303);
    const stored = (await t.call('GET', `/api/models/${res.headers.get('location')!.split('/').pop()}`)).body;
    expect([stored.source, stored.date]).toEqual([null, 'unknown']);
    const original = await app.request(`/api/files/${stored.fileId}`);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(bytes);
  });

  it('refuses bad fields with a message naming them, keeps what was typed, and stores nothing', async () => {
    const before = await modelCount();
    const bad = await post(form({ csrf: editor.csrf, title: 'Ley con fecha mala', language: 'es', source: '', date: '2013-13-40', text: TEXT }), editor.cookie);
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain('role="alert"');
    expect(body).toContain('date: must be');
    expect(body).toContain('value="Ley con fecha mala"');
    const noText = await post(form({ csrf: editor.csrf, title: 'Sin texto', language: 'es', text: '  ' }), editor.cookie);
    expect(noText.status).toBe(400);
    expect(await noText.text()).toContain('text: must not be empty');
    const badLanguage = await post(form({ csrf: editor.csrf, title: 'Idioma', language: 'xx', text: TEXT }), editor.cookie);
    expect(badLanguage.status).toBe(400);
    expect(await badLanguage.text()).toContain('language:');
    expect(await modelCount()).toBe(before);
  });

  it('refuses visitors, viewers, another session’s form and cross-site posts', async () => {
    const before = await modelCount();
    const fields = { title: 'Intrusa', language: 'es', text: TEXT };
    const anonymous = await post(form({ ...fields, csrf: editor.csrf }));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain(en.addModel.forbidden);
    expect((await post(form({ ...fields, csrf: viewer.csrf }), viewer.cookie)).status).toBe(403);
    const otherForm = await post(form({ ...fields, csrf: viewer.csrf }), editor.cookie);
    expect(otherForm.status).toBe(403);
    expect(await otherForm.text()).toContain(en.addModel.expired);
    expect((await post(form(fields), editor.cookie)).status).toBe(403);
    const cross = await app.request('http://localhost/compare/models', { method: 'POST', body: form({ ...fields, csrf: editor.csrf }), headers: { Origin: 'https://evil.example', Cookie: editor.cookie } });
    expect(cross.status).toBe(403);
    expect(await modelCount()).toBe(before);
  });
});

describe("a signed-in account's comparison: private until its owner shares it from the page", () => {
  const PASSWORD = 'a long enough password';
  const TEXT = 'Artículo 1. Esta ley protege a las víctimas de trata de personas.';
  const signIn = async (email: string, address: string) => {
    const res = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ email, password: PASSWORD }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address } });
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrf: string }).csrf };
  };
  const share = (id: string, body: Record<string, string>, cookie?: string) =>
    app.request(`http://localhost/compare/${id}/share?lang=en`, { method: 'POST', body: new URLSearchParams(body), headers: { Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}) } });

  it('tells its owner the link works for no one else, refuses other sessions and anonymous posts, and shares on request', async () => {
    await createUser(t.store, 'test', { email: 'owner@example.org', role: 'viewer', password: PASSWORD });
    await createUser(t.store, 'test', { email: 'other@example.org', role: 'editor', password: PASSWORD });
    const owner = await signIn('owner@example.org', '10.2.0.1');
    const other = await signIn('other@example.org', '10.2.0.2');
    const model = (await t.call('GET', '/api/models')).body[0].id;
    const form = new FormData();
    form.set('model', model);
    form.set('text', TEXT);
    form.set('label', 'Borrador privado');
    const made = await app.request('http://localhost/compare?lang=en', { method: 'POST', body: form, headers: { Origin: 'http://localhost', Cookie: owner.cookie } });
    expect(made.status).toBe(303);
    const location = made.headers.get('location')!;
    const id = location.split('/').pop()!;

    const asOwner = await html(`${location}?lang=en`, { Cookie: owner.cookie });
    expect(asOwner.body).toContain('Only your account can see this result');
    expect(asOwner.body).toContain(`name="csrf" value="${owner.csrf}"`);
    expect(asOwner.res.headers.get('cache-control')).toContain('no-store');
    const anonymous = await html(`${location}?lang=en`);
    expect(anonymous.res.status).toBe(404);
    expect(anonymous.body).toContain('or it was made by a signed-in account');
    expect(anonymous.body).toContain(`href="/signin?next=${encodeURIComponent(location)}"`);
    expect((await html(`${location}?lang=en`, { Cookie: other.cookie })).res.status).toBe(404);

    expect((await share(id, {})).status).toBe(401);
    expect((await share(id, { csrf: other.csrf }, owner.cookie)).status).toBe(403);
    expect((await share(id, { csrf: other.csrf }, other.cookie)).status).toBe(404);
    expect((await html(`${location}?lang=en`)).res.status).toBe(404);

    const shared = await share(id, { csrf: owner.csrf }, owner.cookie);
    expect(shared.status).toBe(303);
    expect(shared.headers.get('location')).toBe(location);
    const now = await html(`${location}?lang=en`);
    expect(now.res.status).toBe(200);
    expect(now.body).toContain('Borrador privado');
    expect(now.body).not.toContain('Only your account');
    expect((await html(`${location}?lang=en`, { Cookie: owner.cookie })).body).toContain('Shared: anyone with the link can see this result.');
  });
});

describe("recording facts from the pages: a bill on a state's page, an action on a bill's page", () => {
  const PASSWORD = 'a long enough password';
  let editor: { cookie: string; csrf: string };
  let viewer: { cookie: string; csrf: string };
  const signIn = async (email: string, address: string) => {
    const res = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ email, password: PASSWORD }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address } });
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrf: string }).csrf };
  };
  beforeAll(async () => {
    await createUser(t.store, 'test', { email: 'recorder@example.org', role: 'editor', password: PASSWORD });
    await createUser(t.store, 'test', { email: 'reader@example.org', role: 'viewer', password: PASSWORD });
    editor = await signIn('recorder@example.org', '10.3.0.1');
    viewer = await signIn('reader@example.org', '10.3.0.2');
  });
  const post = (path: string, fields: Record<string, string>, cookie?: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return app.request(`http://localhost${path}?lang=en`, { method: 'POST', body: form, headers: { Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}) } });
  };
  const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const BILL = { title: ' Ley de prueba de Sonora ', identifier: 'Decreto 12', kind: 'law', harmonizes: 'yes', source: 'Boletín Oficial de Sonora, tomo 200', confidence: 'high', notes: '' };
  const ACTION = { date: '2013-03', classification: 'publication', description: 'Publicada en el Boletín Oficial', source: 'Boletín Oficial de Sonora, tomo 200, núm. 5', confidence: 'medium', notes: 'Mes según la fuente.' };

  it('shows the forms to editors only, with their session token, never from the page cache', async () => {
    const asEditor = await html('/states/MX-SON?lang=en', { Cookie: editor.cookie });
    expect(asEditor.body).toContain('id="add-bill"');
    expect(asEditor.body).toContain(`name="csrf" value="${editor.csrf}"`);
    expect(asEditor.res.headers.get('cache-control')).toContain('no-store');
    for (const cookie of [undefined, viewer.cookie]) {
      const page = await html('/states/MX-SON?lang=en', cookie ? { Cookie: cookie } : {});
      expect(page.body).not.toContain('id="add-bill"');
      expect(page.body).not.toContain(editor.csrf);
    }
    const bill = await html('/bills/mx-lgpsedmtp?lang=en', { Cookie: editor.cookie });
    expect(bill.body).toContain('id="add-action"');
    expect((await html('/bills/mx-lgpsedmtp?lang=en')).body).not.toContain('id="add-action"');
  });

  it("adds a bill as typed, then an action that moves the state's status, each with its source and confidence", async () => {
    const made = await post('/states/MX-SON/bills', { csrf: editor.csrf, ...BILL }, editor.cookie);
    expect(made.status).toBe(303);
    const billId = made.headers.get('location')!.match(/^\/bills\/(b-[\w-]+)#add-action$/)![1]!;
    const bill = (await t.call('GET', `/api/bills/${billId}`)).body;
    expect(bill).toMatchObject({ jurisdictionId: 'MX-SON', title: BILL.title, identifier: 'Decreto 12', kind: 'law', harmonizes: true, confidence: 'high', notes: null });
    expect(bill.source).toBe(BILL.source);

    const before = (await t.call('GET', '/api/status?asOf=2013-06-01')).body.jurisdictions.find((j: { id: string }) => j.id === 'MX-SON');
    const recorded = await post(`/bills/${billId}/actions`, { csrf: editor.csrf, ...ACTION }, editor.cookie);
    expect(recorded.status).toBe(303);
    expect(recorded.headers.get('location')).toBe(`/bills/${billId}#actions`);
    const action = (await t.call('GET', `/api/bills/${billId}`)).body.actions[0];
    expect(action).toMatchObject({ date: '2013-03', datePrecision: 'month', classification: 'publication', description: ACTION.description, source: ACTION.source, confidence: 'medium', notes: ACTION.notes });
    const after = (await t.call('GET', '/api/status?asOf=2013-06-01')).body.jurisdictions.find((j: { id: string }) => j.id === 'MX-SON');
    expect(before.status).not.toBe('harmonized');
    expect(after).toMatchObject({ status: 'harmonized', since: '2013-04-01' });
    expect((await html(`/bills/${billId}?lang=en`)).body).toContain(ACTION.description);
    // Stored exactly as sent, even where a form decoder would drop a leading U+FEFF.
    const marked = await post(`/bills/${billId}/actions`, { csrf: editor.csrf, ...ACTION, description: '\ufeffReformada' }, editor.cookie);
    expect(marked.status).toBe(303);
    expect((await t.call('GET', `/api/bills/${billId}`)).body.actions.map((a: { description: string }) => a.description)).toContain('\ufeffReformada');
  });

  it("adds versions of a bill's text, pasted or uploaded (the original kept), and refuses a bad address naming it", async () => {
    const TEXT = 'Artículo 1. Esta ley protege a las víctimas.\nArtículo 2. Se crea un registro.';
    const pasted = await post('/bills/mx-lgpsedmtp/versions', { csrf: editor.csrf, stage: 'draft', date: '2026-11', sourceUrl: '', text: TEXT }, editor.cookie);
    expect(pasted.status).toBe(303);
    expect(pasted.headers.get('location')).toBe('/bills/mx-lgpsedmtp#versions');
    const form = new FormData();
    for (const [k, v] of Object.entries({ csrf: editor.csrf, stage: 'published', date: '2026-11-20', sourceUrl: 'https://example.org/po.pdf', text: 'ignored when a file is sent' })) form.set(k, v);
    form.set('file', new File([TEXT.replace('registro', 'registro estatal')], 'publicada.txt', { type: 'text/plain' }));
    const uploaded = await app.request('http://localhost/bills/mx-lgpsedmtp/versions?lang=en', { method: 'POST', body: form, headers: { Origin: 'http://localhost', Cookie: editor.cookie } });
    expect(uploaded.status).toBe(303);
    const versions = (await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.versions;
    const [draft, published] = versions.slice(-2);
    expect(draft).toMatchObject({ stage: 'draft', date: '2026-11', sourceUrl: null, fileId: null });
    expect(published).toMatchObject({ stage: 'published', date: '2026-11-20', sourceUrl: 'https://example.org/po.pdf' });
    // A form carries a textarea's line breaks as CR LF, as browsers send them; they are stored as received.
    expect((await t.call('GET', `/api/versions/${draft.id}`)).body).toMatchObject({ billId: 'mx-lgpsedmtp', stage: 'draft', date: '2026-11', text: TEXT.replace('\n', '\r\n') });
    const plain = await app.request(`/api/versions/${published.id}/text`);
    expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await plain.text()).toBe(TEXT.replace('registro', 'registro estatal'));
    const page = (await html('/bills/mx-lgpsedmtp?lang=en')).body;
    expect(page).toContain(`href="/api/versions/${published.id}/text"`);
    expect(page).toContain(`href="/api/files/${published.fileId}"`);
    expect((await t.call('GET', '/api/versions/v-nothere')).status).toBe(404);
    expect((await t.call('GET', `/api/files/${published.fileId}`)).body).toBe(TEXT.replace('registro', 'registro estatal'));
    const before = count('versions');
    const bad = await post('/bills/mx-lgpsedmtp/versions', { csrf: editor.csrf, stage: 'draft', date: '2026-11', sourceUrl: 'javascript:alert(1)', text: TEXT }, editor.cookie);
    expect(bad.status).toBe(400);
    const refused = await bad.text();
    expect(refused).toMatch(/id="add-version-error"[^>]*>Nothing was recorded: sourceUrl: /);
    expect(refused).not.toContain('id="add-action-error"');
    expect(count('versions')).toBe(before);
  });

  it('records a proposed amendment to a version, then its decision; a decided fate is final', async () => {
    const version = (text: string) => t.call('POST', '/api/bills/mx-lgpsedmtp/versions', { stage: 'committee-report', date: '2026-10', text });
    const target = (await version('Artículo 1. Texto del dictamen.')).body.id;
    const result = (await version('Artículo 1. Texto del dictamen, enmendado.')).body.id;
    const page = await html('/bills/mx-lgpsedmtp?lang=en', { Cookie: editor.cookie });
    expect(page.body).toContain('id="add-amendment"');
    // The two committee reports of October 2026 are told apart.
    expect(page.body).toContain(`<option value="${target}">Committee report (October 2026) #1</option>`);
    expect(page.body).toContain(`<option value="${result}">Committee report (October 2026) #2</option>`);

    const proposed = await post('/bills/mx-lgpsedmtp/amendments', { csrf: editor.csrf, versionId: target, proposer: 'Dip. Ana Pérez ', date: '2026-10-15', text: 'Agréguese «enmendado».', source: '' }, editor.cookie);
    expect(proposed.status).toBe(303);
    expect(proposed.headers.get('location')).toBe('/bills/mx-lgpsedmtp#amendments');
    const amendment = (await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.amendments.at(-1);
    expect(amendment).toMatchObject({ versionId: target, proposer: 'Dip. Ana Pérez ', date: '2026-10-15', text: 'Agréguese «enmendado».', source: null, fate: 'pending' });
    expect((await html('/bills/mx-lgpsedmtp?lang=en', { Cookie: editor.cookie })).body).toContain(`id="decide-${amendment.id}"`);

    const decide = (fields: Record<string, string>, bill = 'mx-lgpsedmtp') => post(`/bills/${bill}/amendments/${amendment.id}/decision`, { csrf: editor.csrf, ...fields }, editor.cookie);
    const rejectedWithVersion = await decide({ fate: 'rejected', resultVersionId: result });
    expect(rejectedWithVersion.status).toBe(422);
    expect(await rejectedWithVersion.text()).toMatch(new RegExp(`id="decide-${amendment.id}-error"[^>]*>Nothing was recorded: only an adopted amendment`));
    expect((await decide({ fate: 'adopted', resultVersionId: result }, 'mx-chp-first-law-2009-04-03')).status).toBe(404);
    const adopted = await decide({ fate: 'adopted', resultVersionId: result });
    expect(adopted.status).toBe(303);
    expect(adopted.headers.get('location')).toBe(`/bills/mx-lgpsedmtp#amendment-${amendment.id}`);
    expect((await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.amendments.at(-1)).toMatchObject({ fate: 'adopted', resultVersionId: result });
    const again = await decide({ fate: 'withdrawn' });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(new RegExp(`id="decide-${amendment.id}-error"[^>]*>Nothing was recorded: amendment &quot;${amendment.id}&quot; was already adopted`));
    expect((await t.call('GET', '/api/bills/mx-lgpsedmtp')).body.amendments.at(-1).fate).toBe('adopted');
  });

  it('treats a deleted bill as the API does: its page says so, and nothing is recorded on it', async () => {
    const made = await t.call('POST', '/api/bills', { jurisdiction: 'MX-TAB', title: 'Iniciativa por borrar', kind: 'reform', source: 'pruebas', confidence: 'low' });
    expect((await t.call('DELETE', `/api/bills/${made.body.id}`)).status).toBe(200);
    const page = await html(`/bills/${made.body.id}?lang=en`, { Cookie: editor.cookie });
    expect(page.res.status).toBe(404);
    expect(page.body).toMatch(/This bill was deleted on \d{4}-\d{2}-\d{2}; an admin can restore it\./);
    const actions = count('actions');
    expect((await post(`/bills/${made.body.id}/actions`, { csrf: editor.csrf, ...ACTION }, editor.cookie)).status).toBe(404);
    expect(count('actions')).toBe(actions);
  });

  it('refuses a bad field naming it, keeps what was typed, and writes nothing', async () => {
    const [bills, actions, audit] = [count('bills'), count('actions'), count('audit_log')];
    const badDate = await post('/bills/mx-lgpsedmtp/actions', { csrf: editor.csrf, ...ACTION, date: '2013-02-30' }, editor.cookie);
    expect(badDate.status).toBe(400);
    const body = await badDate.text();
    expect(body).toMatch(/id="add-action-error"[^>]*>Nothing was recorded: date: /);
    expect(body).toContain('value="2013-02-30"');
    expect(body).toContain(`value="${ACTION.source}"`);
    const noConfidence = await post('/states/MX-SON/bills', { csrf: editor.csrf, ...BILL, confidence: '' }, editor.cookie);
    expect(noConfidence.status).toBe(400);
    expect(await noConfidence.text()).toMatch(/Nothing was recorded: confidence: /);
    expect((await post('/bills/no-such-bill/actions', { csrf: editor.csrf, ...ACTION }, editor.cookie)).status).toBe(404);
    expect((await post('/states/XX-NONE/bills', { csrf: editor.csrf, ...BILL }, editor.cookie)).status).toBe(404);
    expect([count('bills'), count('actions'), count('audit_log')]).toEqual([bills, actions, audit]);
  });

  it("answers as the API: 401 with the sign-in page without an account, 403 for a viewer or another session's form", async () => {
    const [bills, actions] = [count('bills'), count('actions')];
    const anonymous = await post('/bills/mx-lgpsedmtp/actions', ACTION);
    expect(anonymous.status).toBe(401);
    const page = await anonymous.text();
    expect(page).toContain('id="signin-form"');
    expect(page).toContain('Recording facts needs an editor account');
    expect((await post('/states/MX-SON/bills', { csrf: viewer.csrf, ...BILL }, viewer.cookie)).status).toBe(403);
    const stale = await post('/bills/mx-lgpsedmtp/actions', { csrf: 'another session', ...ACTION }, editor.cookie);
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('This form belongs to another session');
    const cross = await app.request('http://localhost/states/MX-SON/bills', { method: 'POST', body: new URLSearchParams({ csrf: editor.csrf, ...BILL }), headers: { Origin: 'https://evil.example', Cookie: editor.cookie } });
    expect(cross.status).toBe(403);
    expect([count('bills'), count('actions')]).toEqual([bills, actions]);
  });
});

describe('the model page', () => {
  // A small law of our own: a book and two titles, an article with fracciones and reform notes, the original decree's
  // transitorios and a reform decree's.
  const LAW = [
    'LIBRO PRIMERO',
    'DE LO SUSTANTIVO',
    'TÍTULO PRIMERO',
    'DISPOSICIONES GENERALES',
    'Artículo 1o. Esta Ley es de orden público.',
    'Artículo 2o. Son autoridades:',
    'I. La Fiscalía <General>;',
    'Fracción reformada DOF 19-01-2018',
    'II. La Comisión.',
    'Artículo reformado DOF 07-06-2024',
    'TÍTULO SEGUNDO',
    'DE LOS DELITOS',
    'Artículo 3o. Comete el delito quien explote a otra persona.',
    'TRANSITORIOS',
    'Primero.- La Ley entra en vigor al día siguiente.',
    'ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA',
    'DECRETO por el que se reforma el artículo 2o.',
    'Publicado en el Diario Oficial de la Federación el 19 de enero de 2018',
    'TRANSITORIO',
    'Único.- El decreto entra en vigor al día siguiente.',
  ].join('\n');
  let id: string;

  beforeAll(async () => {
    const created = await t.call('POST', '/api/models', { title: 'Ley <modelo> de prueba', text: LAW, source: 'https://example.org/ley.pdf', date: '2012-06-14' });
    expect(created.status).toBe(201);
    id = created.body.id;
    const marked = await t.call('PATCH', `/api/models/${id}/provisions`, { marks: [{ ref: '3', mandatory: false, criterion: 'Tipos penales' }] });
    expect(marked.status).toBe(200);
  });

  it('reads as the law: headings as written, then each provision with its text, reform history and marks', async () => {
    const { res, body } = await html(`/models/${id}?lang=es`);
    expect(res.status).toBe(200);
    expect(body).toContain('Ley &lt;modelo&gt; de prueba');
    expect(body).not.toContain('<modelo>');
    expect(body).toContain('La Fiscalía &lt;General&gt;;');
    const order = ['LIBRO PRIMERO — DE LO SUSTANTIVO', 'TÍTULO PRIMERO — DISPOSICIONES GENERALES', 'Artículo 1o', 'Artículo 2o', 'TÍTULO SEGUNDO — DE LOS DELITOS', 'Artículo 3o', 'Transitorios del decreto original', 'Transitorio Primero', 'Transitorios del decreto DOF 19-01-2018', 'Transitorio Único (DOF 19-01-2018)'];
    const provisions = body.slice(body.indexOf('id="provisions"'));
    const at = order.map((text) => provisions.indexOf(`>${text}<`));
    expect(at.every((i) => i > 0), JSON.stringify(order.filter((_, k) => at[k]! < 0))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Reform notes are history, not text: the article's own, and its fracción's under its ref.
    const article2 = provisions.slice(provisions.indexOf('>Artículo 2o<'), provisions.indexOf('>TÍTULO SEGUNDO'));
    expect(article2).toContain('Artículo reformado DOF 07-06-2024');
    expect(article2).toContain('<strong>fr. I: </strong>Fracción reformada DOF 19-01-2018');
    expect(article2.slice(article2.indexOf('class="redline"'), article2.indexOf('</div>', article2.indexOf('class="redline"')))).not.toContain('reformad');
    // Marks: article 3 optional under its criterion, the others mandatory; the criteria listed.
    const article3 = provisions.slice(provisions.indexOf('>Artículo 3o<'), provisions.indexOf('>Transitorios del decreto original'));
    expect(article3).toContain('>Opcional<');
    expect(article3).toContain('Criterio: Tipos penales');
    expect(article2).toContain('>Obligatoria<');
    // Transitorios start optional.
    const transitorios = provisions.slice(provisions.indexOf('>Transitorios del decreto original'));
    expect(transitorios.match(/>Opcional</g)).toHaveLength(2);
    expect(transitorios).not.toContain('>Obligatoria<');
    expect(body).toMatch(/<strong>Tipos penales<\/strong>: 3/);
    // Facts about the text, and the way to compare with it.
    expect(body).toContain('href="https://example.org/ley.pdf"');
    expect(body).toContain('14 de junio de 2012');
    expect(body).toContain(`href="/compare?model=${id}"`);
    expect(body).toContain('3 artículos · 2 transitorios');
  });

  it('is linked from the compare form and from a comparison, and speaks English too', async () => {
    expect((await html('/compare?lang=en')).body).toContain(`href="/models/${id}"`);
    const form = new FormData();
    form.set('model', id);
    form.set('text', 'Artículo 1. Esta Ley es de orden público.');
    const res = await app.request('/compare', { method: 'POST', body: form, headers: { Origin: 'http://localhost' } });
    expect(res.status).toBe(303);
    expect((await html(`${res.headers.get('location')}?lang=en`)).body).toContain(`href="/models/${id}"`);
    const { body } = await html(`/models/${id}?lang=en`);
    expect(body).toContain('Transitory provisions of the decree DOF 19-01-2018');
    expect(body).toContain('>Optional<');
    expect(body).toContain('3 articles · 2 transitory provisions');
  });

  it("shows what the engine noticed in the page's language", async () => {
    const created = await t.call('POST', '/api/models', { title: 'Declaración sin artículos', text: 'Primer párrafo de la declaración.\n\nSegundo párrafo.', source: 'tests' });
    expect(created.status).toBe(201);
    expect((await html(`/models/${created.body.id}?lang=es`)).body).toContain('No se reconocieron artículos: el texto se compara párrafo por párrafo.');
    expect((await html(`/models/${created.body.id}?lang=en`)).body).toContain('No articles recognised: the text is compared paragraph by paragraph.');
  });

  it('an unknown model is a 404 page', async () => {
    const { res, body } = await html('/models/m-nope?lang=en');
    expect(res.status).toBe(404);
    expect(body).toContain('There is no such model text.');
  });
});
