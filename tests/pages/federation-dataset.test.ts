/**
 * Another federation is another dataset, not a change to the code: a made-up federation of three states, with its own
 * heading, lede and map, loaded into a fresh SQLite file, is what the API and every page show, and nothing of Mexico
 * is left in them. A dataset without a map shows the table alone; a map that does not fit its dataset is refused
 * before anything is written; a database seeded before datasets carried a map gets it on the next start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { seedDataset } from '../../src/db/seed.js';
import { federationProfiles, jurisdictions } from '../../src/db/schema.js';
import { nodeAssets } from '../../views/node-assets.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';

const SOURCE = 'Gaceta Oficial de Tierranueva, https://example.org/gaceta';

/** Three square states side by side; B's outline uses H and V, C's relative moves. */
function testland() {
  const state = (id: string, name: string, mapId: string) => ({ id, code: id.slice(-1), nameEs: name, nameEn: `${name} State`, officialName: `Estado Libre de ${name}`, mapId });
  const law = (id: string, jurisdiction: string, date: string, harmonizes: boolean) => ({
    id,
    jurisdiction,
    identifier: null,
    title: `Ley contra la trata de ${jurisdiction}`,
    kind: 'law' as const,
    harmonizes,
    event: harmonizes ? 'harmonized_law' : 'first_law',
    notes: null,
    source: SOURCE,
    confidence: 'high' as const,
    actions: [{ date, dateRaw: date, dateKind: 'published', classification: 'publication' as const, description: 'Publicada en la gaceta', source: SOURCE, confidence: 'high' as const, notes: null }],
  });
  return {
    dataset: 'xt-test',
    description: 'A made-up federation for tests.',
    factsSha256: 'xt-1',
    heading: { es: 'Tierranueva y su ley modelo', en: 'Newland and its model law' },
    lede: { es: 'Tres estados frente a la ley modelo.', en: 'Three states against the model law.' },
    map: {
      viewBox: '0 0 300 100',
      credit: { text: 'Contornos de prueba, © Armoniza', url: 'https://example.org/outlines', license: 'CC0 1.0', licenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      shapes: [
        { id: 'a', name: 'Alfa', path: 'M0 0 L100 0 L100 100 L0 100 Z' },
        { id: 'b', name: 'Beta', path: 'M100 0 H200 V100 H100 Z' },
        { id: 'c', name: 'Gama', path: 'm200 0 l100 0 l0 100 l-100 0 z' },
      ],
    },
    federation: { id: 'XT', code: '00', nameEs: 'Tierranueva', nameEn: 'Newland', officialName: 'Federación de Tierranueva', mapId: null },
    jurisdictions: [state('XT-A', 'Alfa', 'a'), state('XT-B', 'Beta', 'b'), state('XT-C', 'Gama', 'c')],
    bills: [law('xt-a-ley', 'XT-A', '2009-05-04', false), law('xt-b-ley', 'XT-B', '2014-02', true)],
  };
}

let t: NodeApp | undefined;
afterEach(() => t?.close());

async function start(dataset: unknown) {
  t = await startNodeApp({ seed: false });
  await seedDataset(t.store, dataset);
  const app = createApp({ store: t.store, config: { adminToken: TEST_TOKEN }, assets: nodeAssets() });
  const page = async (url: string) => {
    const res = await app.request(url, { headers: { Accept: 'text/html' } });
    return { status: res.status, body: await res.text() };
  };
  return { app, page, store: t.store };
}

/** `data-id` → `data-status` of a drawn map's paths. */
const paths = (svg: string) => new Map([...svg.matchAll(/<path d="[^"]*" data-id="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));

describe('another federation, loaded as data', () => {
  it('is what the API answers when a request names no federation', async () => {
    const { app } = await start(testland());
    const places = await (await app.request('/api/jurisdictions')).json();
    expect(places.map((p: { id: string }) => p.id)).toEqual(['XT', 'XT-A', 'XT-B', 'XT-C']);
    const status = await (await app.request('/api/status?asOf=2015-01-01&lang=en')).json();
    expect(Object.fromEntries(status.jurisdictions.map((j: { id: string; status: string }) => [j.id, j.status]))).toEqual({
      XT: 'unknown',
      'XT-A': 'published',
      'XT-B': 'harmonized',
      'XT-C': 'unknown',
    });
    for (const url of ['/api/status?federation=MX', '/api/jurisdictions?federation=MX']) {
      const res = await app.request(url);
      expect(res.status).toBe(422);
      expect((await res.json()).error.fields[0].field).toBe('federation');
    }
  });

  it('draws its own map, heading and credit on the home page, in both languages, with nothing of Mexico', async () => {
    const { page } = await start(testland());
    const es = await page('/?asOf=2015-01-01&lang=es');
    expect(es.status).toBe(200);
    expect(es.body).toContain('<h1>Tierranueva y su ley modelo</h1>');
    expect(es.body).toContain('Tres estados frente a la ley modelo.');
    expect(es.body).toContain('Mapa de Tierranueva: estado de la armonización al 1 de enero de 2015');
    expect(es.body).toContain('viewBox="0 0 300 100"');
    expect(paths(es.body)).toEqual(new Map([['XT-A', 'published'], ['XT-B', 'harmonized'], ['XT-C', 'unknown']]));
    expect(es.body).toContain('href="https://example.org/outlines">Contornos de prueba, © Armoniza</a>');
    expect(es.body).toContain('data-federation="XT"');
    const en = await page('/?asOf=2015-01-01&lang=en');
    expect(en.body).toContain('<h1>Newland and its model law</h1>');
    expect(en.body).toContain('Map of Newland: harmonization status as of January 1, 2015');
    for (const body of [es.body, en.body]) expect(body).not.toMatch(/M[eé]xic|svg-maps/);
  });

  it('serves its map as SVG, in an embed and as each state’s locator', async () => {
    const { page } = await start(testland());
    const svg = await page('/map.svg?asOf=2015-01-01&lang=en');
    expect(svg.status).toBe(200);
    expect(paths(svg.body).size).toBe(3);
    expect(svg.body).toContain('Contornos de prueba, © Armoniza, CC0 1.0');
    const embed = await page('/embed/map?asOf=2015-01-01');
    expect(paths(embed.body).get('XT-B')).toBe('harmonized');
    const state = await page('/states/XT-B?lang=en');
    expect(state.body).toContain('src="/locator/b/harmonized.svg"');
    expect(state.body).toContain('alt="Where Beta State is on the map of Newland" width="300" height="100"');
    expect(state.body).toContain('href="https://example.org/outlines">Contornos de prueba, © Armoniza</a>');
    expect((await page('/locator/b/harmonized.svg')).status).toBe(200);
    // An outline of another federation's map is not drawn here.
    expect((await page('/locator/chp/published.svg')).status).toBe(404);
    expect((await page('/states?lang=es')).body).toContain('<h1>Las 3 entidades federativas</h1>');
    const timeline = await page('/timeline?lang=en');
    expect(timeline.body).toContain('Beta State');
  });

  it('without a map, shows the table alone and says why; the map files are not found', async () => {
    const { map: _, ...noMap } = testland();
    const { page } = await start(noMap);
    const home = await page('/?asOf=2015-01-01&lang=en');
    expect(home.status).toBe(200);
    expect(home.body).toContain('This federation has no map in its dataset');
    expect(home.body).not.toContain('id="status-map"');
    expect(home.body).not.toContain('/map.svg');
    expect(home.body.match(/<tr[^>]* data-id="XT-/g)).toHaveLength(3);
    expect((await page('/map.svg')).status).toBe(404);
    expect((await page('/embed/map')).status).toBe(404);
    expect((await page('/states/XT-A')).body).not.toContain('/locator/');
  });

  it.each([
    ['a state whose shape the map lacks', (d: ReturnType<typeof testland>) => (d.jurisdictions[2]!.mapId = 'zz'), /no shape "zz" in the dataset's map\s+→ at jurisdictions\[2\]\.mapId/],
    ['an outline with curves', (d: ReturnType<typeof testland>) => (d.map.shapes[0]!.path = 'M0 0 C10 10 20 20 30 30 Z'), /outline starts with M and uses M, L, H, V and Z only/],
    ['a view box without a size', (d: ReturnType<typeof testland>) => (d.map.viewBox = '0 0 300 0'), /width and a height above 0/],
    ['a credit without a licence link', (d: ReturnType<typeof testland>) => (d.map.credit.licenseUrl = 'CC0'), /licenseUrl/],
  ])('refuses %s before writing anything', async (_, spoil, message) => {
    const dataset = testland();
    spoil(dataset);
    t = await startNodeApp({ seed: false });
    await expect(seedDataset(t.store, dataset)).rejects.toThrow(message);
    expect((await t.store.db.select({ n: count() }).from(jurisdictions))[0]!.n).toBe(0);
    expect((await t.store.db.select({ n: count() }).from(federationProfiles))[0]!.n).toBe(0);
  });

  it('gives a database seeded before datasets carried a map its map on the next start, once', async () => {
    const { heading: _h, lede: _l, map: _m, ...bare } = testland();
    const { page, store } = await start(bare);
    expect((await page('/?lang=en')).body).toContain('<h1>Newland: its states and the model law</h1>');
    // The same facts (same hash), now with a heading and a map: only the profile is added, and the pages see it at once.
    expect(await seedDataset(store, testland())).toMatchObject({ applied: false });
    const home = await page('/?asOf=2015-01-01&lang=en');
    expect(home.body).toContain('<h1>Newland and its model law</h1>');
    expect(paths(home.body).size).toBe(3);
    await seedDataset(store, testland());
    expect((await store.db.select({ n: count() }).from(federationProfiles))[0]!.n).toBe(1);
  });
});
