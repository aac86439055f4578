/**
 * Sources are stored once per citation: the citation exactly as given, and its first explicit http(s) URL for linking.
 */
import { shortHash } from '../lib/hash.js';

export interface SourceRow {
  id: string;
  citation: string;
  url: string | null;
}

/**
 * The row for a citation; the same citation always gives the same id.
 *
 * @example
 * sourceRow('https://example.org/a ; OJN 74030') // { id: 'src-…', citation: '…', url: 'https://example.org/a' }
 */
export function sourceRow(citation: string): SourceRow {
  const url = /https?:\/\/[^\s;,)]+/.exec(citation)?.[0] ?? null;
  return { id: `src-${shortHash(citation)}`, citation, url };
}
