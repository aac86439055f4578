/**
 * Browser tests' support: the real app on a real temporary SQLite file behind a real HTTP server (port chosen by the
 * OS), and Debian's Chromium driven by playwright-core with the flags from DESIGN.md and a fresh profile.
 *
 * Without /usr/bin/chromium the browser suites are skipped with a loud message — except under CI (`CI` set), where a
 * missing browser is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { createApp } from '../../src/app.js';
import { openSqliteFile } from '../../src/db/sqlite-file.js';
import { seedDataset } from '../../src/db/seed.js';
import { nodeAssets } from '../../views/node-assets.js';
import mxSeed from '../../data/mx/seed.json' with { type: 'json' };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const TEST_TOKEN = 'test-admin-token-browser-0123456789';

/**
 * Whether the browser suites can run here. Prints a loud warning when they cannot; throws under CI.
 *
 * @example
 * const { available } = browserAvailability();
 * describe.skipIf(!available)('map page', () => { ... });
 */
export function browserAvailability(): { available: boolean } {
  if (existsSync(CHROMIUM_PATH)) return { available: true };
  const message = `Chromium not found at ${CHROMIUM_PATH}: the browser tests (tests/pages/*.browser.test.ts) did not run. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(`${message} Under CI they must run.`);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! SKIPPED: ${message}\n${bar}\n`);
  return { available: false };
}

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh, temporary user-data-dir (deleted on close).
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface LiveServer {
  url: string;
  store: ReturnType<typeof openSqliteFile>;
  /** An API call as a client would make it (JSON in and out, admin token sent). */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the app as `src/node.ts` does (seeded, Node asset loader, gzip) on a free port. */
export async function startServer(): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'armoniza-pages-'));
  const store = openSqliteFile(join(dir, 'test.db'));
  await seedDataset(store, mxSeed);
  const app = createApp({ store, config: { adminToken: TEST_TOKEN }, assets: nodeAssets(), compressPages: true });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    store,
    async api(method, path, body) {
      const res = await fetch(url + path, {
        method,
        headers: { Authorization: `Bearer ${TEST_TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page that records console errors, page errors and failed requests, for a "no errors" check. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/states/MX-NOPE')) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const AXE_PATH = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe-core in the page; returns the serious and critical violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (rightly) does not block it as an inline script.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(' | ')}`);
}
