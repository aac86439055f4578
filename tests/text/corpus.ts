// Reads texts of the shared corpus (../shared/corpus from the repository root); fails clearly when they are missing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** The consolidated General Law against trafficking in persons (text extracted from the DOF PDF). */
export const GENERAL_LAW = 'mx-federal/LGPSEDMTP_vigente_DOF-14-11-2025_extracted.txt';
/** The Palermo Protocol, in English. */
export const PALERMO = 'international/palermo_protocol_en.md';

/** Text of a corpus file; throws with the path and the way to get it when it is missing. */
export function corpus(path: string): string {
  const file = ROOT + path;
  if (!existsSync(file)) {
    throw new Error(`Corpus file missing: ${file}. These tests need the shared corpus checked out beside the repository (../shared/corpus).`);
  }
  return readFileSync(file, 'utf8');
}
