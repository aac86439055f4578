/**
 * The version of the data: the number of the last audit entry. Every write of content (bills, versions, actions,
 * amendments, models, files, accounts, the seed) appends an audit entry in the same atomic step, and entries are never
 * changed or deleted, so the number moves exactly when something a reader can see may have changed.
 *
 * Each store runs this query on its own client (`Store.dataVersion`): it is asked on every cached read, and through
 * the query builder it cost three times as much as the query itself. The SQLite file store also trusts a version it
 * read for `VERSION_POLL_MS` while it has not written itself (`sqlite-file.ts`).
 */
export const DATA_VERSION_SQL = 'SELECT coalesce(max(seq), 0) AS version FROM audit_log';
