/**
 * CSV for spreadsheets (RFC 4180): every field quoted when it needs to be, CRLF line ends, header from the keys.
 */

function field(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @example
 * toCsv([{ id: 'MX-CHP', name: 'Chiapas' }]) // 'id,name\r\nMX-CHP,Chiapas\r\n'
 */
export function toCsv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0] ?? {});
  return [header, ...rows.map((r) => header.map((h) => r[h]))].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
