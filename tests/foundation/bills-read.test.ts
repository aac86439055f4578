/**
 * Reading a jurisdiction's bills with their children in four queries gives each bill exactly what reading it alone
 * gives, and leaves deleted bills out.
 */
import { describe, expect, it } from 'vitest';
import { billsOfJurisdiction, getBill } from '../../src/db/bills.js';
import { startNodeApp, TEST_TOKEN } from '../support/node-app.js';

describe('billsOfJurisdiction', () => {
  it('gives every bill of a state its own versions, amendments and actions, as getBill does', async () => {
    const t = await startNodeApp();
    try {
      const extra = await t.call('POST', '/api/bills', { jurisdiction: 'MX-CHP', title: 'Reforma de prueba', kind: 'reform', harmonizes: true, source: 'tests', confidence: 'high' }, TEST_TOKEN);
      const v = await t.call('POST', `/api/bills/${extra.body.id}/versions`, { stage: 'introduced', date: '2024-03-01', text: 'Artículo 1. Texto.' }, TEST_TOKEN);
      await t.call('POST', `/api/bills/${extra.body.id}/amendments`, { versionId: v.body.id, proposer: 'Dip. Ejemplo', date: '2024-03-15', text: 'Cambio.' }, TEST_TOKEN);
      await t.call('POST', `/api/bills/${extra.body.id}/actions`, { date: '2024-05-02', classification: 'introduction', description: 'Presentada', source: 'tests', confidence: 'high' }, TEST_TOKEN);
      const gone = await t.call('POST', '/api/bills', { jurisdiction: 'MX-CHP', title: 'Borrada', kind: 'reform', source: 'tests', confidence: 'high' }, TEST_TOKEN);
      expect((await t.call('DELETE', `/api/bills/${gone.body.id}`, undefined, TEST_TOKEN)).status).toBe(200);

      const all = await billsOfJurisdiction(t.store.db, 'MX-CHP');
      expect(all.length).toBeGreaterThan(2);
      expect(all.map((b) => b.id)).not.toContain(gone.body.id);
      for (const bill of all) expect(bill).toEqual(await getBill(t.store.db, bill.id));
      const mine = all.find((b) => b.id === extra.body.id)!;
      expect([mine.versions.length, mine.amendments.length, mine.actions.length]).toEqual([1, 1, 1]);
      expect(all.filter((b) => b.actions.length > 0).length).toBeGreaterThan(1);
    } finally {
      await t.close();
    }
  });
});
