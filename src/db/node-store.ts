/**
 * The SQLite file as the Node entry point and the command-line tools open it: migrated, and seeded with the Mexican
 * dataset on first use (a second open adds nothing).
 */
import mxSeed from '../../data/mx/seed.json' with { type: 'json' };
import { seedDataset, type SeedResult } from './seed.js';
import { openSqliteFile, type SqliteFileStore } from './sqlite-file.js';

export const DEFAULT_DB_PATH = 'data/armoniza.db';

/**
 * @example
 * const { store, seeded } = await openSeededFile(process.env.ARMONIZA_DB ?? DEFAULT_DB_PATH);
 */
export async function openSeededFile(path: string): Promise<{ store: SqliteFileStore; seeded: SeedResult }> {
  const store = openSqliteFile(path);
  try {
    return { store, seeded: await seedDataset(store, mxSeed) };
  } catch (error) {
    store.close();
    throw error;
  }
}
