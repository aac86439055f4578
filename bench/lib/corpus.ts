/**
 * The General Law as the benches read it, through the corpus helpers the tests use (`tests/support/corpus.ts`): the
 * law texts live in ../shared/corpus, not in the repository.
 */
import { corpus, GENERAL_LAW } from '../../tests/support/corpus.js';

/** The General Law's text; a bench that cannot run without it says why and exits with 2. */
export function generalLawOrExit(): string {
  try {
    return corpus(GENERAL_LAW);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

/** The General Law's text, or a stand-in of 120 short articles where the corpus is absent (for server benches). */
export function generalLawOrStandIn(): { text: string; fromCorpus: boolean } {
  try {
    return { text: corpus(GENERAL_LAW), fromCorpus: true };
  } catch {
    const text = Array.from({ length: 120 }, (_, i) => `Artículo ${i + 1}. Disposición número ${i + 1} sobre trata de personas y la protección de las víctimas.`).join('\n');
    return { text, fromCorpus: false };
  }
}
