/**
 * The engine of the hostile-input suites (tests/trust/hostile*.test.ts): fast-check arbitraries derived from each write
 * route's zod schemas as the app's OpenAPI registry holds them, the requests built from them, what each route must have
 * done when it accepted one, and the suite itself (`defineHostileSuite`). See tests/trust/hostile.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { MAX_UPLOAD_BYTES } from '../../src/api/upload-routes.js';
import { createUser } from '../../src/db/users.js';
import { parsePartialDate } from '../../src/domain/partial-date.js';
import { ACTION_CLASSIFICATION_VALUES, AMENDMENT_FATE_VALUES, BILL_KIND_VALUES, CONFIDENCE_VALUES, VERSION_STAGE_VALUES } from '../../src/domain/vocabulary.js';
import { sha256Hex } from '../../src/lib/hash.js';
import { LONE_SURROGATES, SQL_STRINGS, UNICODE_EDGES, XSS_PAYLOADS, XSS_URLS } from './hostile-strings.js';
import { startNodeApp, TEST_TOKEN, type NodeApp } from './node-app.js';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined;

let t: NodeApp;
let fuzzer: { id: string; token: string; tokenId: string; email: string };

// ——— live pools of real ids (grow as the fuzz creates records) ———

const pool = {
  jurisdictions: [] as string[],
  bills: [] as string[],
  versions: [] as string[],
  amendments: [] as string[],
  /** Amendments still pending, on bills not deleted: what a decision can be accepted for. */
  pending: [] as string[],
  models: [] as string[],
  refs: [] as string[],
  comparisons: [] as string[],
  files: [] as string[],
  tokens: [] as string[],
  emails: [] as string[],
};
const billOf = new Map<string, string>(); // version or amendment id → bill id

const pick = (list: string[]) => fc.nat().map((i) => (list.length ? list[i % list.length]! : 'none'));
/** Removes from `list`, in place (the arbitraries read it live), what `gone` says. */
const drop = (list: string[], gone: (id: string) => boolean) => {
  for (let i = list.length - 1; i >= 0; i--) if (gone(list[i]!)) list.splice(i, 1);
};

// ——— JSON built by hand, so payloads can hold what JSON.stringify cannot write ———

/** Raw JSON text spliced in as is: NaN, Infinity, deep nesting, `__proto__` objects. */
class Raw {
  constructor(readonly text: string) {}
}
/** An object as its list of entries: keeps `__proto__` as a key, duplicates and order. */
class Obj {
  constructor(readonly entries: [string, unknown][]) {}
}
const OMIT = Symbol('omit');

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Obj) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  return JSON.stringify(v) ?? 'null';
}

// ——— strings and values ———

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const EDGE_TEXT = [...Object.values(UNICODE_EDGES), ...SQL_STRINGS, ...XSS_PAYLOADS, ...XSS_URLS];
const edge = fc.constantFrom(...EDGE_TEXT);
const huge = fc
  .tuple(fc.constantFrom(101, 201, 301, 501, 2001, 5001, 20_001, 100_001, 300_000), fc.constantFrom('x', 'é', '𝔏', ' ', 'e\u0301', '\u0000'))
  .map(([n, c]) => c.repeat(n));
const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: edge },
  { weight: 2, arbitrary: fc.array(edge, { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u3000', '\ufeff', '\u200b', '\u00a0') },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(LONE_SURROGATES)) },
);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateArb = fc.oneof(
  fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.tuple(fc.integer({ min: 900, max: 2200 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${pad(m, 2)}`),
  fc.integer({ min: 900, max: 2200 }).map(String),
  fc.constantFrom(
    '2012-02-30', '2011-02-29', '2012-02-29', '2000-02-29', '1900-02-29', '2013-04-31', 'before 2013-04-02', 'before 2013-02-30',
    '2011-01 (21 or 27)', '2011 (?)', 'unknown', 'UNKNOWN', '', ' 2012 ', '2012-6-14', '14/06/2012', '2012-06-14T00:00:00Z',
    '+002012-06-14', '２０１２', '2012-06-14\u0000', '0000-00-00', '9999-12-31', 'before unknown', '2012-13', '2012-00', '2012-06-14 (' + "' OR 1=1 --" + ')',
  ),
  oddString,
);
const urlArb = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(...XSS_URLS, 'https://dof.gob.mx/nota_detalle.php?codigo=5249219&fecha=14/06/2012', 'https://ejemplo.mx/ley ñ', 'http://[::1]/', 'ftp://x.mx/a', 'notaurl', '', 'https://e\u0301.mx/'),
  oddString,
);
const emailArb = fc.oneof(
  { weight: 6, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: pick(pool.emails) },
  { weight: 2, arbitrary: fc.constantFrom('A@B.CO', ' a@b.co', 'a@b', '@b.co', 'a@b.co\u0000', "x'--@a.mx", 'ana+trata@ejemplo.mx', 'josé@ejemplo.mx', 'a@b.co'.repeat(60)) },
  { weight: 1, arbitrary: oddString },
);
const legalText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), edge), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map((p, i) => `Artículo ${i + 1}. ${p}`).join('\n'));
const junkId = fc.oneof(
  fc.constantFrom(...SQL_STRINGS, ...XSS_PAYLOADS.slice(0, 4), ...Object.values(UNICODE_EDGES).slice(0, 12), 'x'.repeat(201), 'b-zzzzzzzzz', 'null', 'undefined', '0', '-1', '1e309', 'constructor', '__proto__', 'prototype', '..', '%2e%2e', ''),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const idFrom = (list: string[]) => fc.oneof({ weight: 4, arbitrary: pick(list) }, { weight: 1, arbitrary: junkId });

/** Values for fields whose meaning the name tells (the schema only says "string"). */
const HINTS: Record<string, fc.Arbitrary<unknown>> = {
  jurisdiction: fc.oneof({ weight: 8, arbitrary: pick(pool.jurisdictions) }, { weight: 1, arbitrary: fc.constantFrom('MX', 'mx-chp', 'MX-XXX', 'US-TX', 'MX-CHP ') }, { weight: 1, arbitrary: oddString }),
  date: dateArb,
  sourceUrl: urlArb,
  email: emailArb,
  // A valid password costs a 600k-round PBKDF2 (~0.6 s): rare on purpose.
  password: fc.oneof({ weight: 60, arbitrary: fc.string({ maxLength: 11 }) }, { weight: 5, arbitrary: oddString }, { weight: 1, arbitrary: fc.constant('una contraseña larga ✓') }),
  versionId: idFrom(pool.versions),
  resultVersionId: idFrom(pool.versions),
  version: idFrom(pool.versions),
  fileId: idFrom(pool.files),
  model: idFrom(pool.models),
  ref: fc.oneof({ weight: 4, arbitrary: pick(pool.refs) }, { weight: 1, arbitrary: oddString }),
  text: fc.oneof({ weight: 3, arbitrary: legalText }, { weight: 2, arbitrary: oddString }),
};

const someJson = fc.jsonValue({ maxDepth: 2 });
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('123', '-1', '0x10', '1e3', 'true', 'false', 'null', 'NaN', 'Infinity', '[]', '{}'),
  fc.array(someJson, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), someJson, { maxKeys: 3 }),
  fc.constantFrom(
    new Raw('NaN'), new Raw('Infinity'), new Raw('-Infinity'), new Raw('1e999'), new Raw('-0'), new Raw('0x1F'), new Raw('undefined'),
    new Raw('{"__proto__":{"polluted":"yes"}}'), new Raw('{"constructor":{"prototype":{"polluted":"yes"}}}'), new Raw(deep(5000)), new Raw('"\\ud800"'),
  ),
);

// ——— arbitraries from a zod schema (zod 4 internals: `_zod.def`, `_zod.bag`) ———

type Zod = { _zod: { def: any; bag: any }; safeParse(value: unknown): { success: boolean; data?: unknown } };
const defOf = (s: Zod) => s._zod.def;

function peel(schema: Zod) {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') (optional = true), (inner = def.innerType);
    else if (def.type === 'nullable') (nullable = true), (inner = def.innerType);
    else if (def.type === 'pipe') inner = def.in;
    else return { inner, optional, nullable };
  }
}

function plausible(name: string, schema: Zod): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const bag = schema._zod.bag ?? {};
  switch (def.type) {
    case 'string': {
      if (HINTS[name]) return HINTS[name]!;
      if (bag.format === 'url') return urlArb;
      if (bag.format === 'email') return emailArb;
      const bounds = typeof bag.maximum === 'number' ? [fc.constant('ñ'.repeat(bag.maximum)), fc.constant('ñ'.repeat(bag.maximum + 1))] : [];
      return fc.oneof({ weight: 10, arbitrary: oddString }, ...bounds.map((b) => ({ weight: 1, arbitrary: b })));
    }
    case 'enum': {
      const values = Object.values(def.entries) as string[];
      const near = fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v}\u200b`, `${v}s`, v.normalize('NFD') + '\u0301'));
      return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: near });
    }
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double());
    case 'array': {
      const element = plausible(name, peel(def.element).inner);
      const many = typeof bag.maximum === 'number' ? [{ weight: 1, arbitrary: fc.constant(bag.maximum + 1).chain((n) => fc.array(element, { minLength: n, maxLength: n })) }] : [];
      return fc.oneof({ weight: 30, arbitrary: fc.array(element, { maxLength: 5 }) }, ...many);
    }
    case 'object':
      return objectArb(schema);
    case 'union':
      return fc.oneof(...(def.options as Zod[]).map((o) => plausible(name, o)));
    default:
      return someJson;
  }
}

function fieldArb(name: string, schema: Zod): fc.Arbitrary<unknown> {
  const { inner, optional, nullable } = peel(schema);
  // Huge strings are few on purpose: each costs milliseconds to build, send and refuse.
  return fc.oneof(
    { weight: 42, arbitrary: plausible(name, inner) },
    { weight: 3, arbitrary: wrongType },
    { weight: 1, arbitrary: huge },
    { weight: nullable ? 6 : 3, arbitrary: fc.constant(null) },
    { weight: optional ? 24 : 3, arbitrary: fc.constant(OMIT) },
  );
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'createdAt', 'actor', 'deletedAt', 'role', '$where', ''];
const extraEntry = fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), fc.oneof(fc.constant(new Raw('{"polluted":"yes"}')), someJson, wrongType));

function objectArb(schema: Zod): fc.Arbitrary<Obj> {
  const shape = defOf(schema).shape as Record<string, Zod>;
  const fields = Object.entries(shape).map(([k, s]) => fieldArb(k, s).map((v) => [k, v] as [string, unknown]));
  const extras = fc.oneof({ weight: 9, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: fc.array(extraEntry, { minLength: 1, maxLength: 2 }) });
  return fc.tuple(fc.tuple(...fields), extras).map(([f, x]) => new Obj([...f.filter(([, v]) => v !== OMIT), ...x]));
}

// ——— requests ———

interface Req {
  method: string;
  url: string;
  params: Record<string, string>;
  auth: string;
  kind: 'json' | 'bytes' | 'multipart';
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
  form?: [string, string | { name: string; type: string; bytes: Uint8Array }][];
  origin?: string;
  /** Sent without Content-Length, as a chunked body arrives (the body-size limit then counts as it reads). */
  chunked?: boolean;
}

const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xfe, 0xfe]];

/** A JSON body text → variants a client should never get away with. */
function spoiled(text: string): fc.Arbitrary<Pick<Req, 'kind' | 'text' | 'bytes' | 'contentType'>> {
  const utf8 = new TextEncoder().encode(text);
  const quotes: number[] = [];
  for (let i = utf8.indexOf(0x22); i !== -1 && quotes.length < 40; i = utf8.indexOf(0x22, i + 1)) quotes.push(i);
  return fc.oneof(
    fc.nat().map((n) => ({ kind: 'json' as const, text: text.slice(0, n % Math.max(1, text.length)) })), // truncated
    fc.constantFrom(`${text},`, `${text.replace(/}$/, ',}')}`, text.replace(/"/g, "'"), `\ufeff${text}`, `/* c */${text}`, `${text}${text}`, `[${text}]`, ` ${text} `)
      .map((s) => ({ kind: 'json' as const, text: s })),
    fc.tuple(fc.nat(), fc.constantFrom(...BAD_UTF8)).map(([n, bad]) => {
      const at = quotes.length ? quotes[n % quotes.length]! + 1 : 0;
      return { kind: 'bytes' as const, bytes: new Uint8Array([...utf8.slice(0, at), ...bad, ...utf8.slice(at)]) };
    }),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml', 'application/json; charset=utf-16')
      .map((contentType) => ({ kind: 'json' as const, text, contentType })),
  );
}

interface RouteSpec {
  key: string; // 'POST /api/bills/:id/actions'
  method: string;
  path: string;
  bodySchema?: Zod;
  multipart: boolean;
  paramsSchema?: Zod;
}

function paramArb(spec: RouteSpec, name: string): fc.Arbitrary<string> {
  const p = spec.path;
  const list = name === 'amendment'
    ? pool.pending
    : p === '/api/bills/:id/amendments'
    ? [...new Set(pool.versions.map((v) => billOf.get(v)!))] // bills with versions, so versionId can match
    : /^(\/api)?\/bills\/:/.test(p)
    ? pool.bills
    : p === '/states/:id/bills'
    ? pool.jurisdictions
    : /^\/api\/amendments\//.test(p)
      ? pool.amendments
      : /^\/api\/models\//.test(p)
        ? pool.models
        : /\/compare\//.test(p)
          ? pool.comparisons
          : /^\/api\/tokens\//.test(p)
            ? pool.tokens
            : [...pool.bills, ...pool.versions, ...pool.models, ...pool.comparisons];
  return idFrom(list);
}

const uploadFile = fc.record({
  name: fc.oneof(fc.constantFrom('ley.txt', 'ley.pdf', 'ley.docx', 'ley.md', 'ley.html', 'sin-extension', '../../etc/passwd', '<script>.txt', 'ley.txt.exe', ''), oddString.map((s) => `${s}.txt`)),
  type: fc.constantFrom('text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/octet-stream', '', 'text/html'),
  bytes: fc.oneof(
    legalText.map((s) => new TextEncoder().encode(s)),
    fc.uint8Array({ maxLength: 2000 }),
    fc.uint8Array({ maxLength: 500 }).map((b) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...b])),
    fc.uint8Array({ maxLength: 500 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
    fc.constant(new Uint8Array(0)),
    fc.constantFrom(...BAD_UTF8).map((b) => new Uint8Array([...new TextEncoder().encode('Artículo 1. '), ...b])),
  ),
});

/** The pages' own forms (multipart, posted by a browser), which the API's route table does not describe. */
const PAGE_FORMS: Record<string, string[]> = {
  '/compare': ['model', 'label', 'text', 'file'],
  '/compare/models': ['title', 'language', 'source', 'date', 'text', 'file', 'csrf'],
  '/bills/:id/actions': ['date', 'classification', 'description', 'source', 'confidence', 'notes', 'csrf'],
  '/bills/:id/versions': ['stage', 'date', 'sourceUrl', 'text', 'file', 'csrf'],
  '/bills/:id/amendments': ['versionId', 'proposer', 'date', 'text', 'source', 'csrf'],
  '/bills/:id/amendments/:amendment/decision': ['fate', 'resultVersionId', 'csrf'],
  '/states/:id/bills': ['title', 'identifier', 'kind', 'harmonizes', 'source', 'confidence', 'notes', 'csrf'],
};
/** The forms that record a fact: every field required but notes, so half the time the generator fills them all once. */
const RECORD_FORMS = new Set(['/bills/:id/actions', '/bills/:id/versions', '/bills/:id/amendments', '/bills/:id/amendments/:amendment/decision', '/states/:id/bills']);

/** A value for a page form's field, valid most of the time, by what its name says. */
function formValue(name: string): fc.Arbitrary<unknown> {
  const mostly = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: oddString });
  switch (name) {
    case 'file':
      return fc.oneof({ weight: 5, arbitrary: uploadFile }, { weight: 1, arbitrary: oddString });
    case 'model':
      return idFrom(pool.models);
    case 'text':
      return HINTS.text!;
    case 'date':
      return fc.oneof(dateArb, oddString);
    case 'language':
      return mostly(fc.constantFrom('es', 'en'));
    case 'title':
    case 'source':
      return fc.oneof({ weight: 2, arbitrary: fc.constantFrom('Ley modelo', 'Gaceta Oficial, p. 3') }, { weight: 1, arbitrary: oddString });
    case 'classification':
      return mostly(fc.constantFrom(...ACTION_CLASSIFICATION_VALUES));
    case 'kind':
      return mostly(fc.constantFrom(...BILL_KIND_VALUES));
    case 'stage':
      return mostly(fc.constantFrom(...VERSION_STAGE_VALUES));
    case 'versionId':
      return idFrom(pool.versions);
    case 'resultVersionId':
      return fc.oneof(idFrom(pool.versions), fc.constant(''));
    case 'proposer':
      return mostly(fc.constantFrom('Dip. Ana Pérez', 'Comisión de Justicia'));
    case 'fate':
      return mostly(fc.constantFrom(...AMENDMENT_FATE_VALUES));
    case 'sourceUrl':
      return fc.oneof(urlArb, fc.constant(''));
    case 'confidence':
      return mostly(fc.constantFrom(...CONFIDENCE_VALUES));
    case 'harmonizes':
      return mostly(fc.constantFrom('yes', ''));
    case 'description':
    case 'identifier':
    case 'notes':
      return fc.oneof({ weight: 2, arbitrary: fc.constantFrom('Publicada en el periódico oficial', 'Decreto 12', '') }, { weight: 1, arbitrary: oddString });
    default:
      return oddString;
  }
}

function multipartArb(spec: RouteSpec): fc.Arbitrary<Pick<Req, 'kind' | 'form' | 'origin'>> {
  const names = spec.path === '/api/uploads' ? ['file'] : (PAGE_FORMS[spec.path] ?? PAGE_FORMS['/compare']!);
  type Entry = Req['form'] extends (infer E)[] | undefined ? E : never;
  const entry = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'archivo', ''), oddString) },
  ).chain((n) => formValue(n).map((v) => [n, v] as Entry));
  const some = fc.array(entry, { maxLength: 5 });
  const whole = fc.tuple(...names.filter((n) => n !== 'csrf').map((n) => formValue(n).map((v) => [n, v] as Entry)));
  return fc.record({
    kind: fc.constant('multipart' as const),
    form: (RECORD_FORMS.has(spec.path) ? fc.oneof(some, whole) : some).map((a) => a.filter((e) => e[0] !== 'text' || typeof e[1] === 'string')) as fc.Arbitrary<Req['form']>,
    origin: fc.constantFrom('http://localhost', 'http://localhost', 'http://localhost', 'https://evil.example', undefined as unknown as string),
  });
}

/** Any JSON at all, and texts that are hardly JSON. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'json' as const, text: JSON.stringify(v) ?? 'null' })),
  fc.constantFrom('', 'null', '[]', '{}', '"x"', '0', 'NaN', 'Infinity', deep(20_000), `{"a":${deep(20_000)}}`, '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}')
    .map((text) => ({ kind: 'json' as const, text })),
);

function requestArb(spec: RouteSpec): fc.Arbitrary<Req> {
  const paramNames = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc.tuple(...paramNames.map((n) => paramArb(spec, n)));
  let body: fc.Arbitrary<Pick<Req, 'kind' | 'text' | 'bytes' | 'contentType' | 'form' | 'origin'>>;
  if (spec.bodySchema) {
    const objects = objectArb(spec.bodySchema).map(toJson);
    body = fc.oneof(
      { weight: 80, arbitrary: objects.map((text) => ({ kind: 'json' as const, text })) },
      { weight: 12, arbitrary: objects.chain(spoiled) },
      { weight: 6, arbitrary: anyJson },
      // A duplicate key: the first copy valid-looking, the second wrong (JSON.parse keeps the last).
      { weight: 2, arbitrary: fc.tuple(objects, wrongType).map(([text, w]) => ({ kind: 'json' as const, text: text.replace(/^\{"([^"]+)":/, (_m, k) => `{"${k}":${toJson(w)},"${k}":`) })) },
    );
  } else if (spec.multipart || !spec.key.startsWith('POST /api/') || PAGE_FORMS[spec.path]) {
    body = fc.oneof({ weight: 4, arbitrary: multipartArb(spec) }, { weight: 1, arbitrary: anyJson });
  } else {
    body = anyJson;
  }
  return fc.tuple(params, body, fc.constantFrom(TEST_TOKEN, TEST_TOKEN, 'fuzzer'), fc.nat(9), fc.boolean()).map(([ids, b, auth, n, aim]) => {
    const values = Object.fromEntries(paramNames.map((n, i) => [n, ids[i]!]));
    // Half the time, aim at the bill of the version the body names, so that a valid amendment can be accepted.
    if (spec.path === '/api/bills/:id/amendments' && aim && b.kind === 'json') {
      const named = /"versionId":"(v-[a-z0-9]+)"/.exec(b.text ?? '')?.[1];
      if (named && billOf.has(named)) values.id = billOf.get(named)!;
    }
    // The same for the pages' amendment forms: the bill of the version the form names, or of the amendment decided.
    if (aim && b.kind === 'multipart') {
      const named = spec.path === '/bills/:id/amendments' ? b.form!.find(([n]) => n === 'versionId')?.[1] : spec.path.endsWith('/decision') ? values.amendment : undefined;
      if (typeof named === 'string' && billOf.has(named)) values.id = billOf.get(named)!;
    }
    const url = spec.path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, n) => encodeURIComponent(values[n]!));
    const req = { method: spec.method, url, params: values, auth: auth === 'fuzzer' ? fuzzer.token : auth, chunked: n === 0, ...b } as Req;
    // fast-check prints a counterexample with this: short, and readable when it holds megabytes.
    Object.defineProperty(req, fc.toStringMethod, { value: () => describeReq(req), enumerable: false });
    return req;
  });
}

async function send(r: Req) {
  const headers: Record<string, string> = { Authorization: `Bearer ${r.auth}` };
  if (r.origin) headers.Origin = r.origin;
  let body: Uint8Array;
  if (r.kind === 'json') (body = new TextEncoder().encode(r.text)), (headers['Content-Type'] = r.contentType ?? 'application/json');
  else if (r.kind === 'bytes') (body = r.bytes!), (headers['Content-Type'] = 'application/json');
  else {
    const form = new FormData();
    for (const [k, v] of r.form ?? []) form.append(k, typeof v === 'string' ? v : new File([v.bytes as Uint8Array<ArrayBuffer>], v.name, { type: v.type }));
    const encoded = new Response(form);
    headers['Content-Type'] = encoded.headers.get('Content-Type')!;
    body = new Uint8Array(await encoded.arrayBuffer());
  }
  // As an HTTP client sends it, with its length; a few without, as a chunked upload would arrive.
  if (!r.chunked) headers['Content-Length'] = String(body.byteLength);
  const res = await t.app.request(r.url, { method: r.method, headers, body: body as Uint8Array<ArrayBuffer> });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

function describeReq(r: Req) {
  const body = r.kind === 'bytes' ? `bytes ${Buffer.from(r.bytes!).toString('hex').slice(0, 300)}` : r.kind === 'json' ? r.text!.slice(0, 300) : JSON.stringify(r.form?.map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 80) : { ...v, bytes: v.bytes.length }]));
  return `${r.method} ${r.url.slice(0, 200)} [${r.contentType ?? r.kind}${r.chunked ? ', chunked' : ''}] ${body}`;
}

// ——— what the database holds ———

type Snapshot = Record<string, number>;
let snapshotStmt: { get(): unknown };
let changesStmt: { get(): unknown };
/** The row count of every table, and SQLite's count of rows changed on this connection so far (`__changes`). */
const snapshot = () => snapshotStmt.get() as Snapshot;
/** The snapshot after a request: `before` itself when SQLite changed no row since (the counts cannot differ then). */
const snapshotAfter = (before: Snapshot) => ((changesStmt.get() as { n: number }).n === before.__changes ? before : snapshot());

/** Tables that may change with no audit entry of their own: the full-text index follows `bills`. */
const FOLLOWERS = /^bills_fts/;

function expectDelta(before: Snapshot, after: Snapshot, expected: Record<string, number | [number, number]>, what: string) {
  for (const table of Object.keys(before)) {
    if (table === '__changes' || FOLLOWERS.test(table)) continue;
    const d = after[table]! - before[table]!;
    const e = expected[table] ?? 0;
    if (Array.isArray(e)) {
      expect(d, `${what}: rows added to ${table}`).toBeGreaterThanOrEqual(e[0]);
      expect(d, `${what}: rows added to ${table}`).toBeLessThanOrEqual(e[1]);
    } else expect(d, `${what}: rows added to ${table}`).toBe(e);
  }
}

/**
 * A text field of a page form as the server receives it: the first of its name (FormData.get), as Unicode scalar
 * values, its line breaks as CR LF, as multipart carries them; undefined when absent or a file.
 */
function formField(req: Req) {
  return (name: string): string | undefined => {
    const value = req.form!.find(([n]) => n === name)?.[1];
    return typeof value === 'string' ? asScalarValues(value).replace(/\r\n|\r|\n/g, '\r\n') : undefined;
  };
}

/** A string as Unicode scalar values, as FormData keeps a field: each lone surrogate becomes U+FFFD. */
const asScalarValues = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const wellFormed = (v: unknown): boolean =>
  typeof v === 'string' ? !/[\ud800-\udfff]/u.test(v) : Array.isArray(v) ? v.every(wellFormed) : v && typeof v === 'object' ? Object.values(v).every(wellFormed) : true;

const presentDate = (raw: string) => {
  const d = parsePartialDate(raw);
  return d.qualifier ? `${d.value} (${d.qualifier})` : d.value;
};

// ——— what each write must have done when it succeeded ———

interface Success {
  req: Req;
  res: Awaited<ReturnType<typeof send>>;
  out: any; // the body as the schema parsed it (defaults applied)
  before: Snapshot;
  after: Snapshot;
  what: string;
}
const get = async (url: string, auth = TEST_TOKEN) => {
  const r = await t.call('GET', url, undefined, auth);
  expect(r.status, `GET ${url}`).toBe(200);
  return r.body;
};
const dbText = (table: 'versions' | 'models' | 'files', id: string) => (t.store.sqlite.prepare(`SELECT text FROM ${table} WHERE id = ?`).get(id) as { text: string }).text;

/** The id of what the last entry of a bill's history created, which must be of `entity`: what a page form just wrote. */
async function lastCreated(billId: string, entity: string, what: string): Promise<string> {
  const entry = (await get(`/api/bills/${encodeURIComponent(billId)}/history`)).at(-1);
  expect(entry, what).toMatchObject({ action: 'create', entity });
  return entry.entityId;
}

const VERIFY: Record<string, (s: Success) => Promise<void>> = {
  async 'POST /api/bills'({ res, out, before, after, what }) {
    expectDelta(before, after, { bills: 1, audit_log: 1, sources: [0, 1] }, what);
    const id = res.body.id as string;
    pool.bills.push(id);
    const bill = await get(`/api/bills/${id}`);
    expect(bill, what).toMatchObject({
      jurisdictionId: out.jurisdiction, identifier: out.identifier ?? null, title: out.title, kind: out.kind, harmonizes: out.harmonizes ?? false,
      sponsors: out.sponsors ?? [], notes: out.notes ?? null, source: out.source, confidence: out.confidence,
    });
    expect((await get(`/api/bills/${id}/history`)).at(-1), what).toMatchObject({ action: 'create', entity: 'bills', entityId: id });
  },
  async 'POST /api/bills/:id/actions'({ req, res, out, before, after, what }) {
    expectDelta(before, after, { actions: 1, audit_log: 1, sources: [0, 1] }, what);
    const bill = await get(`/api/bills/${encodeURIComponent(req.params.id!)}`);
    const action = bill.actions.find((a: any) => a.id === res.body.id);
    expect(action, what).toMatchObject({ description: out.description, source: out.source, notes: out.notes ?? null, confidence: out.confidence, classification: out.classification, date: presentDate(out.date) });
  },
  async 'POST /api/bills/:id/versions'({ req, res, out, before, after, what }) {
    expectDelta(before, after, { versions: 1, audit_log: 1 }, what);
    const id = res.body.id as string;
    const text = out.text ?? dbText('files', out.fileId);
    expect(dbText('versions', id) === text, `${what}: stored text differs`).toBe(true);
    const bill = await get(`/api/bills/${encodeURIComponent(req.params.id!)}`);
    const version = bill.versions.find((v: any) => v.id === id);
    expect(version, what).toMatchObject({ stage: out.stage, date: presentDate(out.date), sourceUrl: out.sourceUrl ?? null, sha256: await sha256Hex(text), fileId: out.fileId ?? null });
    pool.versions.push(id);
    billOf.set(id, req.params.id!);
  },
  // An empty citation is "no source" (null), the one place an empty string is not kept as such.
  async 'POST /api/bills/:id/amendments'({ req, res, out, before, after, what }) {
    expectDelta(before, after, { amendments: 1, audit_log: 1, sources: [0, 1] }, what);
    const bill = await get(`/api/bills/${encodeURIComponent(req.params.id!)}`);
    const amendment = bill.amendments.find((a: any) => a.id === res.body.id);
    expect(amendment, what).toMatchObject({ versionId: out.versionId, proposer: out.proposer, text: out.text, source: out.source || null, fate: 'pending', date: presentDate(out.date) });
    pool.amendments.push(res.body.id);
    pool.pending.push(res.body.id);
    billOf.set(res.body.id, req.params.id!);
  },
  async 'PATCH /api/amendments/:id'({ req, out, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    const bill = await get(`/api/bills/${encodeURIComponent(billOf.get(req.params.id!)!)}`);
    expect(bill.amendments.find((a: any) => a.id === req.params.id), what).toMatchObject({ fate: out.fate, resultVersionId: out.resultVersionId ?? null });
    drop(pool.pending, (id) => id === req.params.id);
  },
  async 'DELETE /api/bills/:id'({ req, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    expect((await t.call('GET', `/api/bills/${encodeURIComponent(req.params.id!)}`)).status, what).toBe(410);
    drop(pool.pending, (id) => billOf.get(id) === req.params.id);
  },
  async 'POST /api/bills/:id/restore'({ req, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    await get(`/api/bills/${encodeURIComponent(req.params.id!)}`);
  },
  async 'POST /api/models'({ res, out, before, after, what }) {
    expectDelta(before, after, { models: 1, model_provisions: [1, 10_000], audit_log: 1 }, what);
    const id = res.body.id as string;
    const text = out.text ?? dbText('files', out.fileId);
    expect(dbText('models', id) === text, `${what}: stored model text differs`).toBe(true);
    const model = await get(`/api/models/${id}`);
    expect(model, what).toMatchObject({ title: out.title, source: out.source ?? null, language: out.language, sha256: await sha256Hex(text) });
    pool.models.push(id);
    pool.refs.push(...model.provisions.slice(0, 3).map((p: any) => p.ref));
  },
  async 'PATCH /api/models/:id/provisions'({ req, out, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    const model = await get(`/api/models/${encodeURIComponent(req.params.id!)}`);
    const last = new Map<string, { mandatory?: boolean; criterion?: string | null }>();
    for (const m of out.marks) {
      const seen = last.get(m.ref) ?? {};
      last.set(m.ref, { ...seen, ...(m.mandatory === undefined ? {} : { mandatory: m.mandatory }), ...(m.criterion === undefined ? {} : { criterion: m.criterion }) });
    }
    for (const [ref, want] of last) expect(model.provisions.find((p: any) => p.ref === ref), `${what} ${ref}`).toMatchObject(want);
  },
  async 'POST /api/compare'({ req, res, out, before, after, what }) {
    expectDelta(before, after, { comparisons: [0, 1] }, what);
    expect(res.status, what).toBe(200);
    if (out.label !== undefined) expect(res.body.bill.label, what).toBe(out.label);
    expect(res.body.model.id, what).toBe(out.model);
    expect(await get(`/api/compare/${res.body.id}`, req.auth), what).toEqual(res.body);
    pool.comparisons.push(res.body.id);
  },
  async 'POST /api/compare/:id/share'({ req, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    expect((await t.call('GET', `/api/compare/${encodeURIComponent(req.params.id!)}`, undefined, null)).status, `${what}: shared, readable by anyone`).toBe(200);
  },
  async 'POST /api/uploads'({ req, res, before, after, what }) {
    expectDelta(before, after, { files: 1, audit_log: 1 }, what);
    const sent = req.form!.find(([k, v]) => k === 'file' && typeof v !== 'string')![1] as { bytes: Uint8Array };
    const download = await t.app.request(`/api/files/${res.body.fileId}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(sent.bytes)), `${what}: the original is kept byte for byte`).toBe(true);
    expect(res.body.provenance.sha256, what).toBe(await sha256Hex(sent.bytes));
    pool.files.push(res.body.fileId);
  },
  async 'POST /api/session'({ before, after, what }) {
    expectDelta(before, after, { sessions: 1, login_failures: [-2, 0] }, what);
  },
  async 'DELETE /api/session'({ before, after, what }) {
    expectDelta(before, after, { sessions: [-1, 0] }, what);
  },
  async 'POST /api/users'({ res, out, before, after, what }) {
    expectDelta(before, after, { users: 1, api_tokens: 1, audit_log: 2 }, what);
    const users = await get('/api/users');
    expect(users.find((u: any) => u.id === res.body.id), what).toMatchObject({ email: out.email, role: out.role });
    pool.emails.push(res.body.email);
  },
  async 'POST /api/tokens'({ req, res, out, before, after, what }) {
    expectDelta(before, after, { api_tokens: 1, audit_log: 1 }, what);
    const tokens = await get('/api/tokens', req.auth);
    expect(tokens.find((k: any) => k.id === res.body.id), what).toMatchObject({ name: out.name, revokedAt: null });
    pool.tokens.push(res.body.id);
  },
  async 'DELETE /api/tokens/:id'({ req, before, after, what }) {
    expectDelta(before, after, { audit_log: [0, 1] }, what);
    const row = t.store.sqlite.prepare('SELECT revoked_at AS r FROM api_tokens WHERE id = ?').get(req.params.id) as { r: string | null };
    expect(row.r, what).not.toBeNull();
  },
  async 'POST /compare'({ res, before, after, what }) {
    expectDelta(before, after, { comparisons: [0, 1] }, what);
    expect(res.headers.get('location') ?? '', what).toMatch(/^\/compare\/[0-9a-f]{64}$/);
  },
  async 'POST /bills/:id/actions'({ req, res, before, after, what }) {
    expectDelta(before, after, { actions: 1, audit_log: 1, sources: [0, 1] }, what);
    const id = req.params.id!;
    expect(res.headers.get('location'), what).toBe(`/bills/${encodeURIComponent(id)}#actions`);
    const created = await lastCreated(id, 'actions', what);
    const action = (await get(`/api/bills/${encodeURIComponent(id)}`)).actions.find((a: any) => a.id === created);
    const sent = formField(req);
    expect(action, what).toMatchObject({
      date: presentDate(sent('date')!), classification: sent('classification'), description: sent('description'),
      source: sent('source'), confidence: sent('confidence'), notes: sent('notes') || null,
    });
  },
  async 'POST /bills/:id/versions'({ req, res, before, after, what }) {
    // An uploaded original is kept with the version, in the same step, with its own audit entry.
    expectDelta(before, after, { versions: 1, files: [0, 1], audit_log: [1, 2] }, what);
    const id = req.params.id!;
    expect(res.headers.get('location'), what).toBe(`/bills/${encodeURIComponent(id)}#versions`);
    const created = await lastCreated(id, 'versions', what);
    const version = await get(`/api/versions/${created}`);
    const sent = formField(req);
    expect(version, what).toMatchObject({ billId: id, stage: sent('stage'), date: presentDate(sent('date')!), sourceUrl: sent('sourceUrl') || null });
    const text = version.fileId ? dbText('files', version.fileId) : sent('text');
    expect(version.text === text, `${what}: stored text differs from what was sent`).toBe(true);
    pool.versions.push(created);
    billOf.set(created, id);
  },
  async 'POST /bills/:id/amendments'({ req, res, before, after, what }) {
    expectDelta(before, after, { amendments: 1, audit_log: 1, sources: [0, 1] }, what);
    const id = req.params.id!;
    expect(res.headers.get('location'), what).toBe(`/bills/${encodeURIComponent(id)}#amendments`);
    const created = await lastCreated(id, 'amendments', what);
    const amendment = (await get(`/api/bills/${encodeURIComponent(id)}`)).amendments.find((a: any) => a.id === created);
    const sent = formField(req);
    expect(amendment, what).toMatchObject({ versionId: sent('versionId'), proposer: sent('proposer'), date: presentDate(sent('date')!), text: sent('text'), source: sent('source') || null, fate: 'pending' });
    pool.amendments.push(created);
    pool.pending.push(created);
    billOf.set(created, id);
  },
  async 'POST /bills/:id/amendments/:amendment/decision'({ req, res, before, after, what }) {
    expectDelta(before, after, { audit_log: 1 }, what);
    const { id, amendment } = req.params as { id: string; amendment: string };
    expect(res.headers.get('location'), what).toBe(`/bills/${encodeURIComponent(id)}#amendment-${encodeURIComponent(amendment)}`);
    const sent = formField(req);
    const decided = (await get(`/api/bills/${encodeURIComponent(id)}`)).amendments.find((a: any) => a.id === amendment);
    expect(decided, what).toMatchObject({ fate: sent('fate'), resultVersionId: sent('resultVersionId') || null });
    drop(pool.pending, (id) => id === amendment);
  },
  async 'POST /states/:id/bills'({ req, res, before, after, what }) {
    expectDelta(before, after, { bills: 1, audit_log: 1, sources: [0, 1] }, what);
    const id = (res.headers.get('location') ?? '').match(/^\/bills\/(b-[\w-]+)#add-action$/)?.[1];
    expect(id, `${what}: redirected to the new bill's page`).toBeTruthy();
    const sent = formField(req);
    expect(await get(`/api/bills/${id}`), what).toMatchObject({
      jurisdictionId: req.params.id!.toUpperCase(), title: sent('title'), identifier: sent('identifier') || null, kind: sent('kind'),
      harmonizes: sent('harmonizes') === 'yes', source: sent('source'), confidence: sent('confidence'), notes: sent('notes') || null,
    });
    pool.bills.push(id!);
  },
  async 'POST /compare/models'({ req, res, before, after, what }) {
    // An uploaded original is kept with the model, in the same step (its audit entry too).
    expectDelta(before, after, { models: 1, model_provisions: [1, 10_000], files: [0, 1], audit_log: [1, 2] }, what);
    const id = (res.headers.get('location') ?? '').match(/^\/models\/(m-[\w-]+)$/)?.[1];
    expect(id, `${what}: redirected to the model's page`).toBeTruthy();
    const model = await get(`/api/models/${id}`);
    // The text read from the uploaded file, or the form's first text field (FormData.get) as multipart carries it:
    // Unicode text (a lone surrogate becomes U+FFFD in the FormData itself), its line breaks as CR LF, as a browser
    // sends a textarea's.
    const typed = req.form!.find(([name]) => name === 'text')?.[1] as string | undefined;
    const sent = model.fileId ? dbText('files', model.fileId) : asScalarValues(typed!).replace(/\r\n|\r|\n/g, '\r\n');
    expect(dbText('models', id!) === sent, `${what}: stored model text differs from what was sent`).toBe(true);
    pool.models.push(id!);
  },
};

// ——— the run ———

const stats: Record<string, { sent: number; byStatus: Record<string, number>; schemaRefused: number; accepted: number; oversize?: number }> = {};

function writeRoutes(): RouteSpec[] {
  const registry = new Map<string, any>();
  for (const d of (t.app as any).openAPIRegistry.definitions) {
    if (d.type === 'route') registry.set(`${d.route.method.toUpperCase()} ${d.route.path.replace(/\{(\w+)\}/g, ':$1')}`, d.route);
  }
  const seen = new Set<string>();
  const specs: RouteSpec[] = [];
  for (const r of t.app.routes) {
    if (['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method)) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const route = registry.get(key);
    const content = route?.request?.body?.content ?? {};
    specs.push({ key, method: r.method, path: r.path, bodySchema: content['application/json']?.schema, multipart: !!content['multipart/form-data'], paramsSchema: route?.request?.params });
  }
  return specs;
}

async function setUp() {
  t = await startNodeApp();
  const made = await createUser(t.store, 'test', { email: 'fuzzer@example.org', role: 'admin' });
  fuzzer = { id: made.id, token: made.token, tokenId: made.tokenId, email: made.email };
  // "Last used" is noted at most once a minute; put it in the future so a token's use writes nothing during the run.
  t.store.sqlite.prepare("UPDATE api_tokens SET last_used_at = '9999-01-01T00:00:00.000Z'").run();
  // Every table; of the full-text index only the index itself (its shadow tables follow it, and are slow to count).
  const tables = (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'bills_fts_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  snapshotStmt = t.store.sqlite.prepare(`SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(', ')}, total_changes() AS __changes`);
  changesStmt = t.store.sqlite.prepare('SELECT total_changes() AS n');

  pool.jurisdictions.push(...t.seed.jurisdictions.map((j: any) => j.id));
  pool.bills.push(...(t.store.sqlite.prepare('SELECT id FROM bills').all() as { id: string }[]).map((r) => r.id));
  pool.emails.push(fuzzer.email);
  // A few records of each kind to aim at: versions, pending amendments, a small model, an upload, comparisons.
  const call = async (method: string, url: string, body: unknown, auth = TEST_TOKEN) => {
    const r = await t.call(method, url, body, auth);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  for (const billId of pool.bills.slice(0, 8)) {
    const v = await call('POST', `/api/bills/${billId}/versions`, { stage: 'introduced', date: '2012-06-14', text: 'Artículo 1. Texto.\nArtículo 2. Otro texto.' });
    pool.versions.push(v.id);
    billOf.set(v.id, billId);
    for (let i = 0; i < 8; i++) {
      const a = await call('POST', `/api/bills/${billId}/amendments`, { versionId: v.id, proposer: `Dip. ${i}`, date: '2012-07', text: `Artículo 1. Texto ${i}.` });
      pool.amendments.push(a.id);
      pool.pending.push(a.id);
      billOf.set(a.id, billId);
    }
  }
  // Bills of their own for the pages' decision form, out of reach of the routes that delete bills or decide amendments
  // (they aim at pool.bills and pool.amendments), so that pending amendments remain to decide.
  for (let b = 0; b < 4; b++) {
    const bill = await call('POST', '/api/bills', { jurisdiction: 'MX-CHP', title: `Iniciativa por decidir ${b}`, kind: 'reform', source: 'pruebas', confidence: 'low' });
    const v = await call('POST', `/api/bills/${bill.id}/versions`, { stage: 'introduced', date: '2012-06-14', text: 'Artículo 1. Texto.' });
    for (let i = 0; i < 16; i++) {
      const a = await call('POST', `/api/bills/${bill.id}/amendments`, { versionId: v.id, proposer: `Dip. ${i}`, date: '2012-07', text: `Artículo 1. Texto ${i}.` });
      pool.pending.push(a.id);
      billOf.set(a.id, bill.id);
    }
  }
  const model = await call('POST', '/api/models', { title: 'Modelo', text: 'Artículo 1. Protección de víctimas.\nArtículo 2. Fondo de reparación.\nArtículo 3. Registro.' });
  pool.models.push(model.id);
  pool.refs.push(...(await call('GET', `/api/models/${model.id}`, undefined)).provisions.map((p: any) => p.ref));
  const form = new FormData();
  form.append('file', new File(['Artículo 1. Subido.'], 'subido.txt', { type: 'text/plain' }));
  const upload = await t.app.request('/api/uploads', { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}` }, body: form });
  pool.files.push(((await upload.json()) as { fileId: string }).fileId);
  for (const auth of [TEST_TOKEN, fuzzer.token]) pool.comparisons.push((await call('POST', '/api/compare', { model: model.id, text: 'Artículo 1. Protección.' }, auth)).id);
  for (const billId of pool.bills.slice(-6)) await call('DELETE', `/api/bills/${billId}`, undefined); // for restore
  const extra = await call('POST', '/api/tokens', { name: 'a revocar' }, fuzzer.token);
  pool.tokens.push(extra.id);
  t.store.sqlite.prepare("UPDATE api_tokens SET last_used_at = '9999-01-01T00:00:00.000Z'").run();
}

/**
 * Registers the suite for one shard of the write routes (every `shards`-th route from `shard`), so the routes can be
 * fuzzed by several test files, in parallel processes, each with its own app and database.
 *
 * @example
 * defineHostileSuite({ shard: 0, shards: 2 }); // tests/trust/hostile.test.ts
 */
export function defineHostileSuite({ shard, shards }: { shard: number; shards: number }) {
  const mine = routeKeysAtCollection().filter((_k, i) => i % shards === shard);
  beforeAll(setUp, 60_000);
  afterAll(() => t?.close());

  describe(`hostile payloads on the write routes (shard ${shard + 1} of ${shards})`, () => {
    it('walks a route table with the write routes it should', () => {
      const keys = writeRoutes().map((s) => s.key);
      expect(keys.length).toBeGreaterThan(15);
      for (const key of Object.keys(VERIFY)) expect(keys, `${key} is checked on success, so it must be a route`).toContain(key);
    });

    // One test per write route, found at collection time from a throwaway app (the same createApp).
    for (const key of mine) {
      it(`${key}: ${RUNS} generated payloads`, async () => {
        const spec = writeRoutes().find((s) => s.key === key)!;
        const stat: (typeof stats)[string] = (stats[key] = { sent: 0, byStatus: {}, schemaRefused: 0, accepted: 0 });
        await fc.assert(
          fc.asyncProperty(requestArb(spec), async (req) => {
            // Never revoke the token the fuzz itself uses.
            if (key === 'DELETE /api/tokens/:id' && req.params.id === fuzzer.tokenId) return;
            const what = describeReq(req);
            const verdict = judge(spec, req);
            const before = snapshot();
            const res = await send(req);
            const after = snapshotAfter(before);
            stat.sent++;
            stat.byStatus[res.status] = (stat.byStatus[res.status] ?? 0) + 1;
            if (verdict.refused) stat.schemaRefused++;

            // Plain checks on the hot path (expect() is slow at 18,000 calls); expect.fail says what went wrong.
            if (res.status >= 500) expect.fail(`${what}\n→ ${res.status} ${res.text.slice(0, 300)}`);
            if (({} as any).polluted !== undefined) expect.fail(`${what}: Object.prototype polluted`);
            if (res.status >= 400) {
              if (key === 'POST /api/session' && res.status !== 400) expectDelta(before, after, { login_failures: [0, 2] }, what);
              else if (after !== before) expect(after, `${what}: a refused write left something behind`).toEqual(before);
            }
            if (verdict.refused && ![400, 413, 415].includes(res.status)) expect.fail(`${what}: ${verdict.why}, yet → ${res.status} ${res.text.slice(0, 200)}`);
            if (verdict.noRoute && !(req.kind === 'bytes' ? [404, 400] : [404, 413]).includes(res.status)) expect.fail(`${what}: no route has this path, yet → ${res.status}`);
            if (verdict.out !== undefined && res.status === 400 && /^invalid (body|param|json|query)\b/.test(res.body?.error?.message ?? '')) {
              expect.fail(`${what}: the schema accepts this, the validation refuses it: ${res.text.slice(0, 300)}`);
            }
            if (res.status < 400) {
              stat.accepted++;
              const verify = VERIFY[key];
              if (verify) await verify({ req, res, out: verdict.out, before, after, what });
              else expect(after.audit_log! - before.audit_log!, `${what}: a write route without a check here must at least leave an audit entry`).toBeGreaterThan(0);
            }
          }),
          { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
        );
        expect(stat.sent).toBeGreaterThanOrEqual(RUNS * 0.95);
      }, 120_000);
    }

    it('a body over the size limit is a 413 on every route that reads one, with or without Content-Length; nothing written', async () => {
      for (const key of mine) {
        const spec = writeRoutes().find((r) => r.key === key)!;
        const readsBody = !!spec.bodySchema || spec.multipart || !!PAGE_FORMS[spec.path];
        const limit = spec.path === '/api/uploads' ? MAX_UPLOAD_BYTES + 64 * 1024 : PAGE_FORMS[spec.path] ? MAX_UPLOAD_BYTES + 6 * 1024 * 1024 : t.maxBodyBytes;
        const text = `{"title":"${'x'.repeat(limit + 1024)}"}`;
        const url = spec.path.replace(/:(\w+)/g, 'no-such-id');
        for (const chunked of [false, true]) {
          const before = snapshot();
          const res = await send({ method: spec.method, url, params: {}, auth: TEST_TOKEN, kind: 'json', text, chunked, origin: 'http://localhost' });
          const what = `${key} with ${text.length} bytes${chunked ? ', chunked' : ''}`;
          if (readsBody) expect(res.status, what).toBe(413);
          else expect(res.status, what).toBeLessThan(500);
          expect(snapshotAfter(before), what).toEqual(before);
          const stat = (stats[key] ??= { sent: 0, byStatus: {}, schemaRefused: 0, accepted: 0 });
          stat.oversize = (stat.oversize ?? 0) + 1;
        }
      }
    }, 120_000);

    it('reports the counts, and every route saw both refusals and (where possible) acceptances', () => {
      const rows = Object.entries(stats).map(([route, s]) => ({ route, ...s }));
      const total = rows.reduce((n, r) => n + r.sent, 0);
      console.log(`\nhostile payloads (shard ${shard + 1} of ${shards}): ${total} requests to ${rows.length} write routes`);
      for (const r of rows) console.log(`${r.route.padEnd(36)} sent ${String(r.sent).padStart(5)}  schema-refused ${String(r.schemaRefused).padStart(5)}  2xx/3xx ${String(r.accepted).padStart(4)}  ${JSON.stringify(r.byStatus)}  + ${r.oversize ?? 0} over the size limit`);
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync(join('test-artifacts', `hostile-counts-${shard + 1}-of-${shards}.json`), `${JSON.stringify({ runsPerRoute: RUNS, total, routes: stats }, null, 1)}\n`);
      expect(rows.map((r) => r.route)).toEqual(mine);
      for (const r of rows) {
        if (!NEVER_REFUSED.has(r.route)) expect(Object.keys(r.byStatus).some((s) => Number(s) >= 400), `${r.route} never refused anything`).toBe(true);
        if (!NEVER_ACCEPTED.has(r.route)) expect(r.accepted, `${r.route} never accepted anything: the generator is too hostile to test success`).toBeGreaterThan(0);
      }
    });
  });
}

/** Routes whose success the generator cannot reach on purpose: signing in needs a real password (a 0.6 s hash). */
const NEVER_ACCEPTED = new Set(['POST /api/session']);
/** Routes that read no input a client can get wrong: signing out reads only the session cookie, and always succeeds. */
const NEVER_REFUSED = new Set(['DELETE /api/session']);

/** What the schemas say about a request before it is sent. */
function judge(spec: RouteSpec, req: Req): { refused: boolean; noRoute?: boolean; why?: string; out?: unknown } {
  // An empty segment, or `.`/`..` (which the URL parser resolves away), reaches no route with this parameter.
  if (Object.values(req.params).some((v) => v === '' || v === '.' || v === '..')) return { refused: false, noRoute: true };
  if (spec.paramsSchema && !spec.paramsSchema.safeParse(req.params).success) return { refused: true, why: 'path parameter refused by its schema' };
  if (!spec.bodySchema) return { refused: false };
  if (req.kind === 'bytes') return { refused: true, why: 'invalid UTF-8' };
  if (req.kind !== 'json' || (req.contentType && !/^application\/json/.test(req.contentType))) return { refused: true, why: 'not a JSON body' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.text!.replace(/^\ufeff/, '')); // a leading BOM is dropped by the decoder, as RFC 8259 allows
  } catch {
    return { refused: true, why: 'malformed JSON' };
  }
  const result = spec.bodySchema.safeParse(parsed);
  if (!result.success) return { refused: true, why: 'body refused by the schema' };
  if (!wellFormed(parsed)) return { refused: true, why: 'a lone surrogate (not Unicode text)' };
  return { refused: false, out: result.data };
}

/** Route keys for `it` titles: vitest collects tests before `beforeAll` runs, so read them from an app without a store. */
function routeKeysAtCollection(): string[] {
  const app = createApp({ store: {} as never });
  const seen = new Set<string>();
  for (const r of app.routes) if (!['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method)) seen.add(`${r.method} ${r.path}`);
  return [...seen];
}
