/**
 * The audit trail is shown as "history" on bill and state pages, as in the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/db/users.js';
import { startNodeApp, type NodeApp } from '../support/node-app.js';

let t: NodeApp;
let billId: string;
let editorId: string;
beforeAll(async () => {
  t = await startNodeApp();
  const editor = await createUser(t.store, 'test', { email: 'editora@example.org', role: 'editor' });
  editorId = editor.id;
  billId = (await t.call('POST', '/api/bills', { jurisdiction: 'MX-NAY', title: 'Iniciativa con historial', kind: 'law', source: 's', confidence: 'low' }, editor.token)).body.id;
  const v = (await t.call('POST', `/api/bills/${billId}/versions`, { stage: 'introduced', date: '2024', text: 'Artículo 1. Uno.' }, editor.token)).body.id;
  const am = (await t.call('POST', `/api/bills/${billId}/amendments`, { versionId: v, proposer: 'Dip. Y', date: '2024', text: 'x' }, editor.token)).body.id;
  await t.call('PATCH', `/api/amendments/${am}`, { fate: 'withdrawn' }, editor.token);
});
afterAll(() => t.close());

describe('change history on pages', () => {
  it('lists who changed a bill, what and how, on its page', async () => {
    const html = await (await t.app.request(`/bills/${billId}?lang=en`)).text();
    const section = html.slice(html.indexOf('id="changes"'));
    expect(section).toContain('Change history');
    expect(section).toContain(editorId);
    expect(section).toContain('fate: &quot;pending&quot; → &quot;withdrawn&quot;');
    expect(section.match(/<tr>/g)?.length).toBe(1 + 4);
  });

  it('lists the changes of a state\'s bills on the state page, in Spanish too', async () => {
    const html = await (await t.app.request('/states/MX-NAY?lang=es')).text();
    const section = html.slice(html.indexOf('id="changes"'));
    expect(section).toContain('Historial de cambios');
    expect(section).toContain(billId);
  });
});
