/**
 * A comparison as a Word document with tracked changes (`/compare/:id/redline.docx`): read back from the .docx itself
 * (unzipped, its revisions walked), accepting every change gives each provision the draft's words and rejecting every
 * change the model's; a missing provision is one deletion, a new one an insertion; Word-readable (mammoth reads it).
 */
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { nodeAssets } from '../../views/node-assets.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from '../support/node-app.js';
import { SAMPLE_MODEL } from '../support/sample-texts.js';

const DRAFT = [
  'Artículo 1. Esta ley protege a todas las víctimas',
  'de trata de personas & sus familias.',
  'Artículo 2. Son autoridades competentes:',
  'I. La Fiscalía General del Estado;',
  'II. La Comisión.',
  'Artículo 4. La ley entra en vigor al día siguiente.',
  'Artículo 5. El Estado llevará un registro <público> de sentencias.',
].join('\n');

let t: NodeApp;
let app: ReturnType<typeof createApp>;
let comparison: { id: string; modelId: string; billUnits: { ref: string; text: string }[] };
let modelUnits: Map<string, string>;

beforeAll(async () => {
  t = await startNodeApp();
  app = createApp({ store: t.store, config: { adminToken: TEST_TOKEN }, assets: nodeAssets() });
  const model = await t.call('POST', '/api/models', { title: 'Ley modelo', text: SAMPLE_MODEL, date: '2012-06-14' });
  modelUnits = new Map((await t.call('GET', `/api/models/${model.body.id}`)).body.provisions.map((p: { ref: string; text: string }) => [p.ref, p.text]));
  comparison = { ...(await t.call('POST', '/api/compare', { model: model.body.id, text: DRAFT, label: 'Iniciativa' })).body, modelId: model.body.id };
});
afterAll(() => t.close());

/** The paragraphs of word/document.xml, each read as Word would show it with every change accepted, and rejected. */
function readRevisions(docx: Uint8Array): { accepted: string; rejected: string; inserted: number; deleted: number }[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    let inIns = false;
    let inDel = false;
    let accepted = '';
    let rejected = '';
    let inserted = 0;
    let deleted = 0;
    for (const tag of body.matchAll(/<w:ins\b[^>]*>|<\/w:ins>|<w:del\b[^>]*>|<\/w:del>|<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:delText(?: [^>]*)?>([^<]*)<\/w:delText>/g)) {
      const [whole, text, delText] = tag;
      if (delText !== undefined) {
        expect(inDel, 'w:delText only inside a deletion').toBe(true);
        rejected += decode(delText);
      } else if (text !== undefined) {
        expect(inDel, 'w:t never inside a deletion').toBe(false);
        accepted += decode(text);
        if (!inIns) rejected += decode(text);
      } else if (whole === '<w:br/>') {
        if (!inDel) accepted += '\n';
        if (!inIns) rejected += '\n';
      } else if (whole === '</w:ins>') inIns = false;
      else if (whole === '</w:del>') inDel = false;
      else if (whole.startsWith('<w:ins')) [inIns, inserted] = [true, inserted + 1];
      else [inDel, deleted] = [true, deleted + 1];
    }
    return { accepted, rejected, inserted, deleted };
  });
}

// Words as Word shows them: the page's reflow turns some line breaks into spaces, and nothing else.
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('a comparison as a Word document with tracked changes', () => {
  it('is a .docx attachment, linked from the result page', async () => {
    const page = await (await app.request(`/compare/${comparison.id}?lang=en`)).text();
    expect(page).toContain(`href="/compare/${comparison.id}/redline.docx"`);
    const res = await app.request(`/compare/${comparison.id}/redline.docx?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="armoniza-[0-9a-f]+\.docx"$/);
    expect((await app.request('/compare/0000/redline.docx')).status).toBe(404);
  });

  it("accepting every change gives each provision the draft's words, rejecting every change the model's", async () => {
    const docx = new Uint8Array(await (await app.request(`/compare/${comparison.id}/redline.docx?lang=es`)).arrayBuffer());
    const paragraphs = readRevisions(docx);
    const bills = new Map(comparison.billUnits.map((u) => [u.ref, u.text]));
    const changed = paragraphs.filter((p) => p.inserted + p.deleted > 0);
    const pairs: [string | undefined, string | undefined][] = [
      [modelUnits.get('1'), bills.get('1')], // modified
      [modelUnits.get('2'), bills.get('2')], // modified, over several lines
      [modelUnits.get('3'), undefined], // missing
      [undefined, bills.get('5')], // added
    ];
    expect(changed.map((p) => [words(p.rejected), words(p.accepted)])).toEqual(pairs.map(([m, b]) => [words(m ?? ''), words(b ?? '')]));
    // A provision the draft keeps as it is carries no revision: the same text either way.
    const kept = paragraphs.find((p) => words(p.accepted) === words(bills.get('4')!))!;
    expect([kept.rejected, kept.inserted + kept.deleted]).toEqual([kept.accepted, 0]);
    // The fracciones keep their lines.
    expect(changed[1]!.accepted).toContain('\nII. La Comisión.');
  });

  it('writes the redline between two versions of a bill the same way, linked from the bill page', async () => {
    const bill = await t.call('POST', '/api/bills', { jurisdiction: 'MX-SON', title: 'Ley de prueba de Sonora', kind: 'law', source: 'tests', confidence: 'high' });
    const v1 = (await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'introduced', date: '2011-02', text: SAMPLE_MODEL })).body.id;
    const v2 = (await t.call('POST', `/api/bills/${bill.body.id}/versions`, { stage: 'approved', date: '2011-06-30', text: DRAFT })).body.id;
    const href = `/bills/${bill.body.id}/redline.docx?a=${v1}&b=${v2}`;
    expect(await (await app.request(`/bills/${bill.body.id}?a=${v1}&b=${v2}&lang=en`)).text()).toContain(`href="${href.replace(/&/g, '&amp;')}"`);
    const res = await app.request(`${href}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="armoniza-${bill.body.id}-${v1}-${v2}.docx"`);
    const changed = readRevisions(new Uint8Array(await res.arrayBuffer())).filter((p) => p.inserted + p.deleted > 0);
    // The earlier version in the model's place: the same four changed provisions as the draft against the model.
    expect(changed.map((p) => words(p.rejected))).toEqual(['1', '2', '3'].map((r) => words(modelUnits.get(r)!)).concat(['']));
    expect(words(changed[3]!.accepted)).toBe(words(comparison.billUnits.find((u) => u.ref === '5')!.text));
    expect((await app.request(`/bills/${bill.body.id}/redline.docx?a=${v1}&b=v-nope`)).status).toBe(404);
  });

  it("carries the engine's warnings, in the reader's language", async () => {
    const loose = (await t.call('POST', '/api/compare', { model: comparison.modelId, text: 'Un texto sin artículos.\n\nOtro párrafo del texto.' })).body;
    expect(loose.result.warnings.length).toBeGreaterThan(0);
    for (const lang of ['en', 'es']) {
      const docx = new Uint8Array(await (await app.request(`/compare/${loose.id}/redline.docx?lang=${lang}`)).arrayBuffer());
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
      expect(value, lang).toContain(lang === 'en' ? 'has no recognisable articles' : 'no tiene artículos reconocibles');
    }
  });

  it('writes only characters XML allows, so Word opens the file (U+FFFE and U+FFFF, which a text may hold, become U+FFFD)', async () => {
    const odd = (await t.call('POST', '/api/compare', { model: comparison.modelId, text: DRAFT.replace('registro', 'registro\uFFFE\uFFFF'), label: 'Con \uFFFF' })).body;
    const docx = new Uint8Array(await (await app.request(`/compare/${odd.id}/redline.docx`)).arrayBuffer());
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(xml).toContain('registro\uFFFD\uFFFD');
    expect(xml).toContain('Con \uFFFD');
  });

  it('reads in a Word reader: mammoth shows the draft (inserted text in, deleted text out)', async () => {
    const docx = new Uint8Array(await (await app.request(`/compare/${comparison.id}/redline.docx?lang=es`)).arrayBuffer());
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(value).toContain('Iniciativa');
    expect(value).toContain('Esta ley protege a todas las víctimas');
    expect(value).toContain('El Estado llevará un registro <público> de sentencias.');
    expect(value).not.toContain('Se crea un fondo de reparación');
  });
});
