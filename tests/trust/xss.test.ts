/**
 * XSS payloads are inert in a real browser. Each payload goes in through the API — a bill's title, identifier, notes,
 * sponsors and source; an action's description, notes and source (`javascript:` URLs among them); a version's text and
 * source URL; an amendment's proposer, text and source — and the pages that show them (`/`, `/states/<id>`,
 * `/bills/<id>`, `/timeline`, the embeddable map, and pages that echo a query parameter) are opened in Debian's
 * Chromium. In each: no dialog fires, no injected script runs (a canary global stays unset), no console error or
 * failed request, no element carries an `on*` attribute or a `javascript:`/`data:`/`vbscript:` link, no `<script>`
 * holds a payload; and on the bill's page every payload is there as text. A `javascript:` source URL is refused by
 * the API.
 *
 * Skipped, loudly, where /usr/bin/chromium is missing; a failure under CI.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, XSS_URLS } from '../support/hostile-strings.js';
import { browserAvailability, launchBrowser, screenshot, startServer, type LiveServer } from '../support/browser.js';

const { available } = browserAvailability();

/** The shared payloads, plus canaries that would set a global rather than open a dialog. */
const PAYLOADS = [
  ...new Set([
    ...XSS_PAYLOADS,
    '<img src=x onerror="window.__xss=1">',
    '<svg><script>window.__xss=1</script></svg>',
    '<details open ontoggle="window.__xss=1">',
    "javascript:window.__xss=1//'\"><b onmouseover=window.__xss=1>hover</b>",
  ]),
];
const STATE = 'MX-CHP';

describe.skipIf(!available)('XSS payloads in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let context: BrowserContext;
  const bills: { id: string; payload: string }[] = [];

  beforeAll(async () => {
    server = await startServer();
    const ok = async (method: string, path: string, body: unknown) => {
      const res = await server.api(method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };
    for (const [i, p] of PAYLOADS.entries()) {
      const { id } = await ok('POST', '/api/bills', {
        jurisdiction: STATE, identifier: p, title: p, kind: 'reform', harmonizes: i % 2 === 0, sponsors: [p], notes: p,
        source: `${p} https://example.org/fuente?q=${encodeURIComponent(p)}`, confidence: 'medium',
      });
      bills.push({ id, payload: p });
      await ok('POST', `/api/bills/${id}/actions`, { date: `2013-${String((i % 12) + 1).padStart(2, '0')}`, classification: 'introduction', description: p, notes: p, source: XSS_URLS[i % XSS_URLS.length]!, confidence: 'low' });
      await ok('POST', `/api/bills/${id}/actions`, { date: `2014-0${(i % 9) + 1}-1${i % 9}`, classification: 'passage', description: `${p} (aprobada)`, source: p, confidence: 'high' });
      const version = await ok('POST', `/api/bills/${id}/versions`, { stage: 'introduced', date: '2013-05-02', text: `Artículo 1. ${p}\nArtículo 2. ${p}`, sourceUrl: `https://example.org/v"onmouseover="window.__xss=1"?p=${encodeURIComponent(p)}` });
      await ok('POST', `/api/bills/${id}/amendments`, { versionId: version.id, proposer: p, date: '2013-06', text: p, source: p });
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path` and returns everything that would show a payload ran or was parsed as markup. */
  async function inspect(path: string, { expectStatus = 200 as number | 'any' } = {}) {
    const page: Page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', async (d) => {
      problems.push(`dialog (${d.type()}): ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !(r.request().isNavigationRequest() && r.frame() === page.mainFrame())) problems.push(`http ${r.status()}: ${r.url()}`);
    });
    const res = await page.goto(server.url + path, { waitUntil: 'load' });
    // The browser reports the page's own 4xx as a console error; that one is the answer asked for, not a problem.
    const own = `console: Failed to load resource: the server responded with a status of ${res?.status()}`;
    if ((res?.status() ?? 0) >= 400) problems.splice(0, problems.length, ...problems.filter((p) => !p.startsWith(own)));
    if (expectStatus === 'any') expect(res?.status(), path).toBeLessThan(500);
    else expect(res?.status(), path).toBe(expectStatus);
    // Mermaid draws the timelines after load: wait for it, so its output is inspected too.
    if ((await page.$('.mermaid-render')) !== null) await page.waitForSelector('.mermaid-render svg', { timeout: 15_000 });
    // Hover and focus everything, so mouseover/focus handlers would fire if any had been injected.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('body *')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.dispatchEvent(new FocusEvent('focus'));
      }
    });
    const dom = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(a.value) && !(el.localName === 'img' && /^data:image\//.test(a.value))) {
            found.push(`<${el.localName} ${a.name}="${a.value}">`);
          }
        }
        if (el.localName === 'iframe' || el.localName === 'object' || el.localName === 'embed') found.push(`<${el.localName}>`);
      }
      for (const s of document.querySelectorAll('script')) if (/alert|__xss/.test(s.textContent ?? '')) found.push(`<script>${s.textContent}</script>`);
      return { found, canary: (window as unknown as { __xss?: unknown }).__xss ?? null, text: document.body.innerText };
    });
    return { page, problems, ...dom };
  }

  function expectInert(r: Awaited<ReturnType<typeof inspect>>, where: string) {
    expect(r.problems, `${where}: dialogs, errors, failed requests`).toEqual([]);
    expect(r.found, `${where}: markup made from a payload`).toEqual([]);
    expect(r.canary, `${where}: an injected script ran`).toBeNull();
  }

  it('the harness notices a payload that runs (a page made to fail)', async () => {
    await context.route(`${server.url}/__probe`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>probe</p><img src="data:," onerror="window.__xss=1"><script>alert(1)</script><a href="javascript:void 0">x</a>' }),
    );
    const r = await inspect('/__probe');
    expect(r.problems.some((p) => p.startsWith('dialog'))).toBe(true);
    expect(r.canary).toBe(1);
    expect(r.found.length).toBeGreaterThanOrEqual(2);
    await r.page.close();
    await context.unroute(`${server.url}/__probe`);
  });

  it('refuses a javascript:, data: or vbscript: URL as a version source (it would become a link)', async () => {
    for (const url of XSS_URLS) {
      const res = await server.api('POST', `/api/bills/${bills[0]!.id}/versions`, { stage: 'approved', date: '2013', text: 'Artículo 1. x', sourceUrl: url });
      expect(res.status, url).toBe(400);
      expect((res.body as any).error.fields[0].field, url).toBe('sourceUrl');
    }
  });

  it('each bill page shows every payload as text and runs none of them', async () => {
    for (const { id, payload } of bills) {
      const r = await inspect(`/bills/${id}`);
      expectInert(r, `/bills/${id} (${payload})`);
      const text = r.text.replace(/\s+/g, ' ');
      expect(text, `the title of /bills/${id} as text`).toContain(payload.replace(/\s+/g, ' '));
      expect(text.split(payload.replace(/\s+/g, ' ')).length - 1, `/bills/${id}: title, identifier, sponsor, notes, source, actions, amendment`).toBeGreaterThanOrEqual(5);
      if (id === bills[0]!.id) await screenshot(r.page, 'xss-bill');
      await r.page.close();
    }
  }, 180_000);

  it.each([`/states/${STATE}`, '/', '/timeline', '/embed/map', `/?asOf=2014-12-31`])('%s runs none of them', async (path) => {
    const r = await inspect(path);
    expectInert(r, path);
    if (path === `/states/${STATE}`) {
      for (const { payload } of bills) expect(r.text.replace(/\s+/g, ' '), `${path} lists the bill titled ${payload}`).toContain(payload.replace(/\s+/g, ' '));
    }
    await screenshot(r.page, `xss${path.replace(/[^a-z0-9]+/gi, '-')}`);
    await r.page.close();
  }, 60_000);

  it('pages that echo what is asked for (a date, an id, a model) run none of it', async () => {
    for (const p of [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[3]!]) {
      for (const [path, status] of [[`/?asOf=${encodeURIComponent(p)}`, 'any'], [`/states/${encodeURIComponent(p)}`, 404], [`/bills/${encodeURIComponent(p)}`, 404], [`/compare?model=${encodeURIComponent(p)}`, 200], [`/timeline?asOf=${encodeURIComponent(p)}`, 'any']] as const) {
        const r = await inspect(path, { expectStatus: status });
        expectInert(r, path);
        await r.page.close();
      }
    }
  }, 180_000);
});
