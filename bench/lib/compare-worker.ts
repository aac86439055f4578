/**
 * A bench-only worker for `npm run bench:worker`: runs the text engine inside workerd on texts the bench sends it.
 * Not deployed and not part of the app. `POST /load` keeps {model, bill} in the isolate; `GET /compare` runs one full
 * compare (segment both + compare), the way `POST /api/compare` does on a cold segment cache (the model whole, the bill
 * as units); `GET /noop` answers at
 * once, as the baseline of a round trip.
 */
import { compare, segment, segmentUnits } from '../../src/text/index.js';

let texts: { model: string; bill: string } | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/load' && request.method === 'POST') {
      texts = (await request.json()) as { model: string; bill: string };
      return Response.json({ loaded: texts.model.length + texts.bill.length });
    }
    if (pathname === '/noop') return Response.json({ ok: true });
    if (pathname === '/compare') {
      if (!texts) return new Response('POST /load first', { status: 409 });
      // workerd's clock may only advance at I/O (a Spectre mitigation), so the bench also times the round trip.
      const t0 = performance.now();
      const result = compare(segment(texts.model), segmentUnits(texts.bill));
      const t1 = performance.now();
      return Response.json({ insideMs: t1 - t0, pairs: result.pairs.length, coverage: result.summary.coverage });
    }
    return new Response('not found', { status: 404 });
  },
};
