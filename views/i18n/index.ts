/**
 * The page language: `?lang=` first (and remembered in a cookie), then the `lang` cookie, then `Accept-Language`,
 * then Spanish. One dictionary per language (`es.ts`, `en.ts`); labels of closed vocabularies come from
 * `src/domain/vocabulary.ts`; dates keep their own precision through `formatPartialDate`.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { formatPartialDate, type DatePrecision } from '../../src/domain/partial-date.js';
import type { Labels, Lang } from '../../src/domain/vocabulary.js';
import { en } from './en.js';
import { es } from './es.js';

export type { Lang };
export type Dict = typeof es;

export const LANGS: readonly Lang[] = ['es', 'en'];
export const DEFAULT_LANG: Lang = 'es';
const DICTS: Record<Lang, Dict> = { es, en };

export const isLang = (v: unknown): v is Lang => v === 'es' || v === 'en';

/**
 * Picks the language of a request, and remembers an explicit `?lang=` in a cookie for the next pages.
 *
 * @example
 * const lang = pickLang(c) // 'en' for `?lang=en`, or for `Accept-Language: en-GB,en;q=0.9`
 */
export function pickLang(c: Context): Lang {
  const query = c.req.query('lang');
  if (isLang(query)) {
    if (getCookie(c, 'lang') !== query) setCookie(c, 'lang', query, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax' });
    return query;
  }
  const cookie = getCookie(c, 'lang');
  if (isLang(cookie)) return cookie;
  return fromAcceptLanguage(c.req.header('Accept-Language'));
}

/** The best of our languages in an `Accept-Language` header (by q-value, then order), else Spanish. */
export function fromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.base).find(isLang) ?? DEFAULT_LANG;
}

export function dict(lang: Lang): Dict {
  return DICTS[lang];
}

/** The label of a vocabulary value in `lang`. */
export function label(table: Record<string, Labels>, key: string, lang: Lang): string {
  return table[key]?.[lang] ?? key;
}

/** A fact's date as stored (`2009-04-03`, `2008`, `2011-01 (21 or 27)`, `before 2013-04-02`), with its own precision. */
export function factDate(value: string, precision: string, lang: Lang): string {
  const m = /^(\S+(?: \S+)?)\s*\((.+)\)$/.exec(value);
  const [core, qualifier] = precision !== 'before' && m ? [m[1]!, m[2]!] : [value, undefined];
  return formatPartialDate({ value: core, precision: precision as DatePrecision, ...(qualifier ? { qualifier } : {}) }, lang);
}

/** An ISO day (`2012-06-14`) in words. */
export function dayText(iso: string, lang: Lang): string {
  return formatPartialDate({ value: iso, precision: 'day' }, lang);
}
