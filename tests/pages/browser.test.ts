/**
 * The pages in a real browser: Debian's Chromium driven by playwright-core against the real app on a real SQLite file.
 * The map agrees with /api/status; the slider re-colours exactly the states that changed; timelines draw an SVG with
 * mermaid; the compare flow works from paste and from upload; the language switch works; no console errors; axe finds
 * no serious or critical violations. Screenshots of each page go to test-artifacts/.
 *
 * Skipped, loudly, where /usr/bin/chromium is missing; a failure under CI.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, browserAvailability, launchBrowser, screenshot, startServer, watchedPage, type LiveServer } from '../support/browser.js';
import { SAMPLE_MODEL } from '../support/sample-texts.js';
import { createUser } from '../../src/db/users.js';

const { available } = browserAvailability();

const MODEL = SAMPLE_MODEL;
const DRAFT = [
  'Artículo 1. Esta ley protege a todas las víctimas de trata de personas.',
  'Artículo 2. Son autoridades competentes:',
  'I. La Fiscalía General del Estado;',
  'II. La Comisión.',
  'Artículo 4. La ley entra en vigor al día siguiente.',
  'Artículo 5. El Estado llevará un registro de sentencias.',
].join('\n');

describe.skipIf(!available)('pages in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const watched = await watchedPage(context);
    await watched.page.goto(server.url + path, { waitUntil: 'networkidle' });
    return watched;
  }

  async function mapStatuses(page: Page): Promise<Record<string, string>> {
    return page.$$eval('#status-map path[data-id]', (paths) => Object.fromEntries(paths.map((p) => [p.getAttribute('data-id')!, p.getAttribute('data-status')!])));
  }

  async function apiStatuses(asOf: string): Promise<Record<string, string>> {
    const body = (await server.api('GET', `/api/status?asOf=${asOf}`)).body;
    return Object.fromEntries(body.jurisdictions.filter((j: any) => j.id !== 'MX').map((j: any) => [j.id, j.status]));
  }

  it('the map has 32 filled paths whose data-status match /api/status', async () => {
    const { page, problems } = await open('/?asOf=2012-06-14');
    const drawn = await mapStatuses(page);
    expect(Object.keys(drawn)).toHaveLength(32);
    expect(drawn).toEqual(await apiStatuses('2012-06-14'));
    const fills = await page.$$eval('#status-map path[data-id]', (paths) => paths.map((p) => getComputedStyle(p).fill));
    expect(fills.every((f) => f && f !== 'none' && f !== 'rgb(0, 0, 0)')).toBe(true);
    await screenshot(page, 'map-es-2012-06-14');
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('moving the slider to 2009-01-01 changes exactly the states whose status differs, without a reload', async () => {
    const { page, problems } = await open('/?asOf=2012-06-14');
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const before = await mapStatuses(page);
    const expected = await apiStatuses('2009-01-01');
    const changed = Object.keys(expected).filter((id) => expected[id] !== before[id]);
    expect(changed.length).toBeGreaterThan(0);

    const slider = page.locator('#date-range');
    const value = await page.evaluate(() => {
      const el = document.getElementById('date-slider')!;
      const days = (iso: string) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
      return String(days('2009-01-01') - days(el.dataset.start!));
    });
    await slider.fill(value);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('asOf') === '2009-01-01');
    await page.waitForFunction(() => !document.body.classList.contains('is-updating'));

    const after = await mapStatuses(page);
    expect(after).toEqual(expected);
    const differing = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(differing.sort()).toEqual(changed.sort());
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true); // no full reload
    expect(await page.locator('#asof-text').textContent()).toContain('1 de enero de 2009');
    const legendTotal = await page.$$eval('.legend li[data-status]:not([data-status="undated"]) .legend-count', (els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0));
    expect(legendTotal).toBe(32);
    const tableStatuses = await page.$$eval('#status-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-id')!, r.getAttribute('data-status')!])));
    expect(tableStatuses).toEqual(expected);
    await screenshot(page, 'map-es-2009-01-01');
    expect(problems).toEqual([]);
  });

  it('hover and keyboard focus show name, status and since when; the play button steps through the years', async () => {
    const { page, problems } = await open('/?asOf=2012-06-14');
    await page.hover('#status-map path[data-id="MX-CHP"]');
    await expect.poll(() => page.locator('#map-tooltip').textContent()).toContain('Chiapas');
    expect(await page.locator('#map-tooltip').textContent()).toContain('3 de abril de 2009');
    await page.focus('#status-map a[data-id="MX-TAB"]');
    await expect.poll(() => page.locator('#map-tooltip').textContent()).toContain('Tabasco');
    await screenshot(page, 'map-tooltip', false);

    await page.evaluate(() => {
      const range = document.getElementById('date-range') as HTMLInputElement;
      range.value = '0';
      range.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('asOf') === '2000-01-01');
    await page.click('#play-button');
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('asOf') ?? '') >= '2002-01-01', null, { timeout: 10_000 });
    await page.click('#play-button');
    expect(await page.getAttribute('#play-button', 'aria-pressed')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('the table sorts in place and the CSV/SVG downloads follow the date', async () => {
    const { page, problems } = await open('/?asOf=2012-06-14');
    await page.click('#status-table th[data-sort-key="status"] a');
    const ranks = await page.$$eval('#status-table tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-rank'))));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await page.getAttribute('#status-table th[data-sort-key="status"]', 'aria-sort')).toBe('ascending');
    const svgHref = await page.getAttribute('a[data-href-template="/map.svg"]', 'href');
    const svg = await (await fetch(server.url + svgHref)).text();
    expect(svg.match(/<path [^>]*data-status="[a-z-]+"/g)).toHaveLength(32);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'map-2012-06-14.svg'), svg);
    expect(problems).toEqual([]);
  });

  it('the embed page shows the map alone and may be framed', async () => {
    const { page, problems } = await open('/embed/map?asOf=2012-06-14&lang=en');
    expect(await page.locator('#status-map path[data-id]').count()).toBe(32);
    expect(await page.locator('.site-header').count()).toBe(0);
    await screenshot(page, 'embed-map-en');
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the national timeline renders an SVG with mermaid, and its source can be copied', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const { page, problems } = await open('/timeline');
    await page.waitForSelector('.mermaid-render[data-rendered="true"] svg', { timeout: 20_000 });
    const texts = await page.locator('.mermaid-render svg').textContent();
    expect(texts).toContain('2012');
    await page.click('button[data-copy]');
    await expect.poll(() => page.locator('.copy-status').textContent()).not.toBe('');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^%% .*\ntimeline\n/);
    await screenshot(page, 'timeline-es');
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a state page shows status, history, evidence and a rendered timeline', async () => {
    const { page, problems } = await open('/states/MX-CHP');
    await page.waitForSelector('.mermaid-render[data-rendered="true"] svg', { timeout: 20_000 });
    expect(await page.locator('h1').textContent()).toBe('Chiapas');
    expect(await page.locator('.status-now .status-badge').getAttribute('data-status')).toBe((await apiStatuses(new Date().toISOString().slice(0, 10)))['MX-CHP']);
    await screenshot(page, 'state-chiapas-es');
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a state with undated facts says so; a bill page lists its actions', async () => {
    const { page, problems } = await open('/states/MX-CAM?lang=en');
    expect(await page.locator('.undated-box').count()).toBeGreaterThan(0);
    await screenshot(page, 'state-campeche-en');
    expect(await axeViolations(page)).toEqual([]);
    const bill = await open('/bills/mx-lgpsedmtp?lang=en');
    await bill.page.waitForSelector('.mermaid-render[data-rendered="true"] svg', { timeout: 20_000 });
    expect(await bill.page.locator('#actions tbody tr').count()).toBeGreaterThan(5);
    await screenshot(bill.page, 'bill-general-law-en');
    expect(await axeViolations(bill.page)).toEqual([]);
    expect([...problems, ...bill.problems]).toEqual([]);
  });

  it('the language switch changes every string and keeps the page and its date', async () => {
    const { page, problems } = await open('/?asOf=2012-06-14&lang=es');
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX');
    await page.click('.lang-switch a[hreflang="en"]');
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2012-06-14');
    expect(await page.locator('h1').textContent()).toContain('General Law');
    expect(await page.locator('#asof-text').textContent()).toBe('As of June 14, 2012');
    // Remembered: the next page, without ?lang=, is in English too.
    await page.click('.site-nav a[href="/states"]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('The 32 federal entities');
    await screenshot(page, 'states-en');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the research gaps page filters by kind from its cards, and passes axe', async () => {
    const { page, problems } = await open('/gaps?lang=en');
    const all = await page.locator('.gap-entity').count();
    expect(all).toBeGreaterThan(0);
    await page.click('.gap-cards a[data-kind="undated-fact"]');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('undated-fact');
    const shown = await page.locator('.gap-entity').count();
    expect(shown).toBe(Number(await page.locator('.gap-cards a[data-kind="undated-fact"] .n').textContent()));
    expect(await page.locator('.gap-entity:not(:has(.gap[data-kind="undated-fact"]))').count()).toBe(0);
    await screenshot(page, 'gaps-undated-en');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('compare: paste a draft → coverage, missing with jump links, redlines, added; permalink; prints', async () => {
    const model = await server.api('POST', '/api/models', { title: 'Ley modelo de prueba', text: MODEL, source: 'tests', date: '2012-06-14' });
    expect(model.status).toBe(201);
    const { page, problems } = await open('/compare');
    await screenshot(page, 'compare-form-es');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#model', model.body.id);
    await page.fill('#label', 'Iniciativa de prueba');
    await page.fill('#text', DRAFT);
    await Promise.all([page.waitForURL(/\/compare\/[0-9a-f]+$/), page.click('#compare-submit')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('Iniciativa de prueba');
    expect(await page.locator('.summary-card.missing .n').textContent()).toBe('1');
    await page.click('.missing-list a');
    expect(new URL(page.url()).hash).toMatch(/^#m-\d+$/);
    expect(await page.locator('.provision-missing').count()).toBe(1);
    expect(await page.locator('.redline ins').count()).toBeGreaterThan(0);
    expect(await page.locator('.provision-added').count()).toBe(1);
    await screenshot(page, 'compare-result-es');
    expect(await axeViolations(page)).toEqual([]);

    const permalink = page.url().replace(/#.*$/, '');
    await page.click('.view-switch a:nth-child(2)');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.side-by-side').count()).toBeGreaterThan(0);
    await screenshot(page, 'compare-result-side-by-side');
    expect(await axeViolations(page)).toEqual([]);

    // Print: the redline without navigation or forms.
    await page.goto(permalink);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.redline').first().isVisible()).toBe(true);
    await screenshot(page, 'compare-result-print');
    await page.pdf({ path: join(ARTIFACTS, 'compare-result.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  });

  it('a model page reads as the law, with its contents linked, and passes axe', async () => {
    const model = (await server.api('GET', '/api/models')).body[0];
    const { page, problems } = await open(`/models/${model.id}`);
    expect(await page.locator('h1').textContent()).toBe(model.title);
    expect(await page.locator('article.provision').count()).toBe((await server.api('GET', `/api/models/${model.id}`)).body.provisions.length);
    await page.click('a.button[href^="/compare?model="]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#model').inputValue()).toBe(model.id);
    await page.goBack();
    await screenshot(page, 'model-es');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('compare: upload a file → the same result page', async () => {
    const model = (await server.api('GET', '/api/models')).body[0];
    const { page, problems } = await open('/compare?lang=en');
    await page.selectOption('#model', model.id);
    await page.setInputFiles('#file', { name: 'draft.txt', mimeType: 'text/plain', buffer: Buffer.from(DRAFT, 'utf8') });
    await Promise.all([page.waitForURL(/\/compare\/[0-9a-f]+$/), page.click('#compare-submit')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('draft.txt');
    expect(await page.locator('.summary-card.added .n').textContent()).toBe('1');
    await screenshot(page, 'compare-upload-result-en');
    expect(problems).toEqual([]);
  });

  it("an editor records a bill on a state's page and its publication on the bill's page; the map moves; both forms pass axe", async () => {
    const PASSWORD = 'a long enough password';
    await createUser(server.store, 'test', { email: 'registro@example.org', role: 'editor', password: PASSWORD });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/signin?next=/states/MX-BCS`, { waitUntil: 'networkidle' });
    await page.fill('#email', 'registro@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/states/MX-BCS`), page.click('#signin-form button[type=submit]')]);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#bill-title', 'Ley para Prevenir la Trata de Personas de Baja California Sur (prueba)');
    await page.selectOption('#bill-kind', 'law');
    await page.check('#bill-harmonizes');
    await page.fill('#bill-source', 'Boletín Oficial de BCS, núm. 10');
    await page.selectOption('#bill-confidence', 'high');
    await Promise.all([page.waitForURL(/\/bills\/b-[\w-]+#add-action$/), page.click('#add-bill button[type=submit]')]);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#action-date', '2014-08-20');
    await page.selectOption('#action-classification', 'publication');
    await page.fill('#action-description', 'Publicada en el Boletín Oficial');
    await page.fill('#action-source', 'Boletín Oficial de BCS, núm. 10, p. 3');
    await page.selectOption('#action-confidence', 'high');
    await Promise.all([page.waitForURL(/#actions$/), page.click('#add-action button[type=submit]')]);
    expect(await page.locator('#actions tbody tr').count()).toBe(1);
    await screenshot(page, 'bill-recorded-en');
    expect((await apiStatuses('2015-01-01'))['MX-BCS']).toBe('harmonized');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an editor signs in and adds a model text from the compare page, by upload, then compares with it', async () => {
    const PASSWORD = 'a long enough password';
    await createUser(server.store, 'test', { email: 'editora@example.org', role: 'editor', password: PASSWORD });
    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
    const { page, problems } = await watchedPage(editorContext);
    await page.goto(`${server.url}/signin?next=/compare`, { waitUntil: 'networkidle' });
    await page.fill('#email', 'editora@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/compare`), page.click('#signin-form button[type=submit]')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#add-model').count()).toBe(1);
    await screenshot(page, 'compare-add-model-es');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#model-title', 'Ley modelo subida');
    await page.fill('#model-source', 'Periódico Oficial de prueba');
    await page.fill('#model-date', '2014-03');
    await page.setInputFiles('#model-file', { name: 'modelo.txt', mimeType: 'text/plain', buffer: Buffer.from(MODEL, 'utf8') });
    await Promise.all([page.waitForURL(/\/models\/m-[\w-]+$/), page.click('#add-model button[type=submit]')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('Ley modelo subida');
    const id = page.url().split('/').pop()!;
    const stored = (await server.api('GET', `/api/models/${id}`)).body;
    expect([stored.source, stored.date, stored.provisions.length]).toEqual(['Periódico Oficial de prueba', '2014-03', 4]);
    expect((await server.api('GET', `/api/files/${stored.fileId}`)).body).toBe(MODEL);
    await page.click('a.button[href^="/compare?model="]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#model').inputValue()).toBe(id);
    await page.fill('#text', DRAFT);
    await Promise.all([page.waitForURL(/\/compare\/[0-9a-f]+$/), page.click('#compare-submit')]);
    expect(await page.locator('.summary-card.added .n').textContent()).toBe('1');
    expect(problems).toEqual([]);
    await editorContext.close();
  });

  it('narrow screens: the map page and a state page fit a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-MX', isMobile: true, hasTouch: true });
    const { page, problems } = await watchedPage(phone);
    for (const path of ['/?asOf=2012-06-14', '/states/MX-OAX']) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(1);
      await screenshot(page, `phone${path.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    await phone.close();
    expect(problems).toEqual([]);
  });
});
