import { describe, expect, it } from 'vitest';
import { formatPartialDate, isCalendarDay, parsePartialDate, sortKey } from '../../src/domain/partial-date.js';

describe('partial dates', () => {
  it.each([
    ['2009-04-03', 'day', '2009-04-03'],
    ['2011-01', 'month', '2011-02-01'],
    ['2011-02 (end)', 'month', '2011-03-01'],
    ['2012-12', 'month', '2013-01-01'],
    ['2008', 'year', '2009-01-01'],
    ['before 2013-04-02', 'before', '2013-04-02'],
    ['unknown', 'unknown', null],
  ])('%s has precision %s and counts from %s', (raw, precision, effective) => {
    const d = parsePartialDate(raw);
    expect(d.precision).toBe(precision);
    expect(d.effective).toBe(effective);
  });

  it('keeps a qualifier verbatim', () => {
    expect(parsePartialDate('2011-01 (21 or 27)')).toMatchObject({ value: '2011-01', qualifier: '21 or 27' });
  });

  it('a February leap month ends on the 29th', () => {
    expect(parsePartialDate('2012-02').effective).toBe('2012-03-01');
    expect(isCalendarDay('2012-02-29')).toBe(true);
    expect(isCalendarDay('2013-02-29')).toBe(false);
  });

  it.each(['2012-02-30', '2012-13', '20122', 'yesterday', '2012-00-10'])('rejects %s', (raw) => {
    expect(() => parsePartialDate(raw)).toThrow(RangeError);
  });

  it('shows a date with exactly its precision', () => {
    expect(formatPartialDate(parsePartialDate('2008'), 'es')).toBe('2008');
    expect(formatPartialDate(parsePartialDate('2011-01'), 'en')).toBe('January 2011');
    expect(formatPartialDate(parsePartialDate('2009-04-03'), 'es')).toBe('3 de abril de 2009');
    expect(formatPartialDate(parsePartialDate('unknown'), 'en')).toBe('date unknown');
  });

  it('sorts a year before the days in it and unknown last', () => {
    const dates = ['unknown', '2008-03-01', '2008', '2007-12'].map(parsePartialDate);
    expect(dates.sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map((d) => d.value)).toEqual(['2007-12', '2008', '2008-03-01', 'unknown']);
  });
});
