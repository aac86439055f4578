/**
 * The SQLite file as the Node entry point and the command-line tools open it: migrated, and seeded on first use (a
 * second open adds nothing) with the Mexican dataset, or with the dataset file `ARMONIZA_DATASET` names.
 */
import { readFileSync } from 'node:fs';
import mxSeed from '../../data/mx/seed.json' with { type: 'json' };
import { seedDataset, type SeedResult } from './seed.js';
import { openSqliteFile, type SqliteFileStore } from './sqlite-file.js';

export const DEFAULT_DB_PATH = 'data/armoniza.db';

/**
 * @example
 * const { store, seeded } = await openSeededFile(process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH);
 */
export async function openSeededFile(path: string): Promise<{ store: SqliteFileStore; seeded: SeedResult }> {
  const dataset = datasetToSeed(process.env.ARMONIZA_DATASET);
  const store = openSqliteFile(path);
  try {
    return { store, seeded: await seedDataset(store, dataset) };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The dataset in `file` (JSON in the format of `seed-format.ts`), else the Mexican dataset that ships with the code. */
function datasetToSeed(file: string | undefined): unknown {
  if (!file) return mxSeed;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`ARMONIZA_DATASET=${file}: ${(error as Error).message}`);
  }
}
