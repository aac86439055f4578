/**
 * The database handle every other module receives. Reads go through drizzle on either driver (`await` works on both);
 * writes that must land together go through `atomic`, because the two drivers make transactions differently:
 * better-sqlite3 runs a synchronous transaction, D1 runs a batch (it has no interactive transactions). Writes are
 * therefore planned first (ids known up front, checks done by reads) and then applied in one step.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { OriginalStore } from './originals.js';
import type * as schema from './schema.js';

export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;
export type Statement = BatchItem<'sqlite'>;

/** Writes planned for one `atomic` step, and the id of the row they create. */
export interface Planned {
  id: string;
  statements: Statement[];
}

export interface Store {
  db: Db;
  /** Applies every statement or none of them. */
  atomic(statements: Statement[]): Promise<void>;
  /** The data version: moves whenever a write lands (`data-version.ts`). */
  dataVersion(): Promise<number>;
  /** Which engine is underneath, for the health endpoint and logs only: nothing branches on it. */
  engine: 'sqlite-file' | 'd1';
  /** Object storage for uploaded originals (R2 on Workers); without it, an original is kept in its `files` row. */
  originals?: OriginalStore;
  /**
   * Throws the error `atomic` would throw for statements this engine cannot store (a D1 row over 2 MB), before any
   * other side effect (an object written to `originals`). Absent: the engine has no such limit.
   */
  checkWrite?(statements: Statement[]): void;
}
