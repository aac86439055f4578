/**
 * Partial dates: legislative facts are often known only to the year or the month ("2008", "2011-01"), or only as
 * "before 2013-04-02". A partial date keeps the value as found, its precision, and the first day on which the fact
 * is certainly true (`effective`): the day after its period ends. It is never turned into 1 January for display.
 */

export type DatePrecision = 'day' | 'month' | 'year' | 'before' | 'unknown';

export interface PartialDate {
  /** Normalized value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `before YYYY-MM-DD`, or `unknown`. */
  value: string;
  precision: DatePrecision;
  /** First day the fact certainly holds (ISO day), or null when the date is unknown. */
  effective: string | null;
  /** A qualifier found beside the date in the source, kept verbatim ("21 or 27", "end", "?"). */
  qualifier?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const BEFORE = /^before (\d{4}-\d{2}-\d{2})$/;
const QUALIFIED = /^(\S+)\s*\((.+)\)$/;

/** True when `iso` is a real calendar day written `YYYY-MM-DD` (rejects 2012-02-30). */
export function isCalendarDay(iso: string): boolean {
  const m = DAY.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO day after `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Parses a date as found in a source. Throws a `RangeError` naming the value when it is not a date.
 *
 * @example
 * parsePartialDate('2008')            // { value: '2008', precision: 'year', effective: '2009-01-01' }
 * parsePartialDate('2011-01 (21 or 27)') // month precision, qualifier '21 or 27', effective '2011-02-01'
 * parsePartialDate('before 2013-04-02')  // precision 'before', effective '2013-04-02'
 */
export function parsePartialDate(raw: string): PartialDate {
  const input = raw.trim();
  if (input === '' || input.toLowerCase() === 'unknown') return { value: 'unknown', precision: 'unknown', effective: null };
  const q = QUALIFIED.exec(input);
  const core = q ? q[1]! : input;
  const qualifier = q ? q[2]!.trim() : undefined;
  const withQualifier = (d: PartialDate): PartialDate => (qualifier ? { ...d, qualifier } : d);

  let m: RegExpExecArray | null;
  if ((m = DAY.exec(core))) {
    if (!isCalendarDay(core)) throw new RangeError(`"${raw}" is not a calendar date`);
    return withQualifier({ value: core, precision: 'day', effective: core });
  }
  if ((m = MONTH.exec(core))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw new RangeError(`"${raw}" has no month ${mo}`);
    return withQualifier({ value: core, precision: 'month', effective: nextDay(iso(y, mo, daysInMonth(y, mo))) });
  }
  if ((m = YEAR.exec(core))) {
    return withQualifier({ value: core, precision: 'year', effective: iso(Number(m[1]) + 1, 1, 1) });
  }
  if ((m = BEFORE.exec(input))) {
    const day = m[1]!;
    if (!isCalendarDay(day)) throw new RangeError(`"${raw}" is not a calendar date`);
    return { value: input, precision: 'before', effective: day };
  }
  throw new RangeError(`"${raw}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, "before YYYY-MM-DD" or "unknown"`);
}

/** Sort key: known dates by their start, unknown last. "2008" sorts before "2008-03-01". */
export function sortKey(date: Pick<PartialDate, 'value' | 'precision'>): string {
  if (date.precision === 'unknown') return '9999';
  if (date.precision === 'before') return date.value.slice(7);
  return date.value;
}

const MONTHS: Record<'es' | 'en', string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Formats a partial date with exactly the precision it has.
 *
 * @example
 * formatPartialDate(parsePartialDate('2009-04-03'), 'es') // '3 de abril de 2009'
 * formatPartialDate(parsePartialDate('2008'), 'en')       // '2008'
 */
export function formatPartialDate(date: Pick<PartialDate, 'value' | 'precision' | 'qualifier'>, lang: 'es' | 'en'): string {
  const text = formatCore(date, lang);
  return date.qualifier ? `${text} (${date.qualifier})` : text;
}

function formatCore(date: Pick<PartialDate, 'value' | 'precision'>, lang: 'es' | 'en'): string {
  const [y, mo, d] = date.value.replace(/^before /, '').split('-');
  const month = mo ? MONTHS[lang][Number(mo) - 1] : undefined;
  switch (date.precision) {
    case 'unknown':
      return lang === 'es' ? 'fecha desconocida' : 'date unknown';
    case 'year':
      return y!;
    case 'month':
      return lang === 'es' ? `${month} de ${y}` : `${month} ${y}`;
    case 'day':
      return lang === 'es' ? `${Number(d)} de ${month} de ${y}` : `${month} ${Number(d)}, ${y}`;
    case 'before': {
      const day = formatCore({ value: date.value.slice(7), precision: 'day' }, lang);
      return lang === 'es' ? `antes del ${day}` : `before ${day}`;
    }
  }
}
