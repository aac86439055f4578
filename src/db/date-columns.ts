/**
 * The three columns every dated row stores (`date_value`, `date_precision`, `date_effective`), from a date as a user
 * or a source gave it. One place, so a qualifier ("2011-01 (21 or 27)") is kept the same way everywhere.
 */
import { parsePartialDate, type PartialDate } from '../domain/partial-date.js';
import { UserError } from '../lib/errors.js';

/**
 * @example
 * dateColumns('2008', 'date') // { dateValue: '2008', datePrecision: 'year', dateEffective: '2009-01-01' }
 * dateColumns('2012-02-30', 'date') // throws UserError 400 naming `date`
 */
export function dateColumns(raw: string, field: string) {
  let date: PartialDate;
  try {
    date = parsePartialDate(raw);
  } catch (e) {
    throw new UserError(400, (e as Error).message, field);
  }
  return { dateValue: date.qualifier ? `${date.value} (${date.qualifier})` : date.value, datePrecision: date.precision, dateEffective: date.effective };
}
