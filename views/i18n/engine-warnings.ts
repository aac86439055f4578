/**
 * The text engine's warnings in the page's language. src/text writes them in English, and the API returns them so;
 * each pattern below matches one of its messages and says it in Spanish. A message without a pattern is shown as
 * written (tests/pages/engine-warnings.test.ts makes the engine say each of them and checks that none is left out).
 */
import type { Lang } from './index.js';

type Translation = [RegExp, (...groups: string[]) => string];

const side = (name: string) => (name === 'model' ? 'El modelo' : 'El proyecto');
const plural = (n: string, one: string, many: string) => (n === '1' ? one : many);

const SPANISH: Translation[] = [
  [/^The (model|bill) has no text to compare\.$/, (name) => `${side(name)} no tiene texto que comparar.`],
  [
    /^The (model|bill) has no recognisable articles: it is compared paragraph by paragraph\.$/,
    (name) => `${side(name)} no tiene artículos reconocibles: se compara párrafo por párrafo.`,
  ],
  [/^Nothing in the bill matches the model: the texts look unrelated\.$/, () => 'Nada del proyecto coincide con el modelo: los textos parecen no tener relación.'],
  [
    /^(\d+) aligned pair\(s\) were too long or too different for a word-level redline within budget: parts are shown as whole-paragraph replacements \(coarse\)\.$/,
    (n) => `${n} ${plural(n, 'par alineado era demasiado largo o distinto', 'pares alineados eran demasiado largos o distintos')} para marcar los cambios palabra por palabra a tiempo: partes se muestran como párrafos sustituidos enteros.`,
  ],
  [/^Text too long \((\d+) characters\): only the first (\d+) were read\.$/, (n, max) => `Texto demasiado largo (${n} caracteres): solo se leyeron los primeros ${max}.`],
  [
    /^Input looks like binary data, not text \((\d+)% control or undecodable characters\): nothing was read\.$/,
    (pct) => `La entrada parece datos binarios, no texto (${pct} % de caracteres de control o ilegibles): no se leyó nada.`,
  ],
  [/^Removed (\d+) control characters?\.$/, (n) => `Se quitaron ${n} ${plural(n, 'carácter de control', 'caracteres de control')}.`],
  [/^Removed (\d+) lines of page headers, footers and page numbers\.$/, (n) => `Se quitaron ${n} líneas de encabezados, pies y números de página.`],
  [
    /^(\d+) line\(s\) between provisions belong to no article and were left out \(first: "(.*)"\)\.$/s,
    (n, first) => `${n} ${plural(n, 'línea entre disposiciones no pertenece', 'líneas entre disposiciones no pertenecen')} a ningún artículo y se ${plural(n, 'dejó', 'dejaron')} fuera (la primera: «${first}»).`,
  ],
  [/^(\d+) reform note\(s\) precede any provision and were left out\.$/, (n) => `${n} ${plural(n, 'nota de reforma precede', 'notas de reforma preceden')} a toda disposición y se ${plural(n, 'dejó', 'dejaron')} fuera.`],
  [/^No articles recognised: the text is compared paragraph by paragraph\.$/, () => 'No se reconocieron artículos: el texto se compara párrafo por párrafo.'],
  [/^The text is empty: nothing to compare\.$/, () => 'El texto está vacío: no hay nada que comparar.'],
  [/^Article numbering jumps: "(.*)" follows article (.*)\.$/s, (label, ref) => `La numeración de los artículos salta: «${label}» sigue al artículo ${ref}.`],
  [/^"(.*)" appears (\d+) times; this one is "(.*)"\.$/s, (ref, n, renamed) => `«${ref}» aparece ${n} veces; esta es «${renamed}».`],
];

/**
 * A warning of the text engine in `lang`.
 *
 * @example
 * warningText('The text is empty: nothing to compare.', 'es') // 'El texto está vacío: no hay nada que comparar.'
 */
export function warningText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [pattern, say] of SPANISH) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  return message;
}
