/**
 * The law texts the benches read from ../shared/corpus (they are not in the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/mx-federal/', import.meta.url));
/** The General Law in force (DOF 14-11-2025), as text and as its official PDF. */
export const GENERAL_LAW_TEXT = `${CORPUS}LGPSEDMTP_vigente_DOF-14-11-2025_extracted.txt`;
export const GENERAL_LAW_PDF = `${CORPUS}LGPSEDMTP_vigente_DOF-14-11-2025.pdf`;

/** The General Law's text; a bench that cannot run without it says so and exits with 2. */
export function generalLawOrExit(): string {
  if (!existsSync(GENERAL_LAW_TEXT)) {
    console.error(`General Law not found at ${GENERAL_LAW_TEXT}: the bench needs the shared corpus beside the repository.`);
    process.exit(2);
  }
  return readFileSync(GENERAL_LAW_TEXT, 'utf8');
}

/** The General Law's text, or a stand-in of 120 short articles where the corpus is absent (for server benches). */
export function generalLawOrStandIn(): { text: string; fromCorpus: boolean } {
  if (existsSync(GENERAL_LAW_TEXT)) return { text: readFileSync(GENERAL_LAW_TEXT, 'utf8'), fromCorpus: true };
  const text = Array.from({ length: 120 }, (_, i) => `Artículo ${i + 1}. Disposición número ${i + 1} sobre trata de personas y la protección de las víctimas.`).join('\n');
  return { text, fromCorpus: false };
}
