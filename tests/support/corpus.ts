// Reads files of the shared corpus (../shared/corpus from the repository root); fails clearly when they are missing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** The consolidated General Law against trafficking in persons (text extracted from the DOF PDF). */
export const GENERAL_LAW = 'mx-federal/LGPSEDMTP_vigente_DOF-14-11-2025_extracted.txt';
/** The same law as the official PDF of the Cámara de Diputados. */
export const GENERAL_LAW_PDF = 'mx-federal/LGPSEDMTP_vigente_DOF-14-11-2025.pdf';
/** The Palermo Protocol, in English. */
export const PALERMO = 'international/palermo_protocol_en.md';

/** Path of a corpus file; throws with the path and the way to get it when it is missing. */
export function corpusPath(path: string): string {
  const file = ROOT + path;
  if (!existsSync(file)) {
    throw new Error(`Corpus file missing: ${file}. The tests and benchmarks need the shared corpus checked out beside the repository (../shared/corpus).`);
  }
  return file;
}

/** Text of a corpus file. */
export function corpus(path: string): string {
  return readFileSync(corpusPath(path), 'utf8');
}

/** Bytes of a corpus file. */
export function corpusBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(path)));
}
