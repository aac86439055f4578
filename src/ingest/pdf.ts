/**
 * PDF to text with unpdf (pdf.js built to run on Node, workerd and browsers). Each page's positioned text is rebuilt
 * into lines in reading order (`columnLines`, which reads a two-column page column by column), running headers and footers found by repetition are removed (`removeFurniture`), and
 * lines are re-joined into paragraphs without merging provisions (`joinParagraphs`). Text set at another angle than
 * most of its page (stamps, margin notes) is left out with a warning; a page set sideways is read in its own frame.
 *
 * Refusals: a file cut short (no `%%EOF` near its end) or that pdf.js cannot parse is `corrupt`; one that needs a
 * password is `encrypted` (a PDF encrypted only to restrict permissions opens without one and is read, with a warning);
 * one with no text on any page is `no-text-layer`, since OCR is not supported.
 */

import { getDocumentProxy } from 'unpdf';
import { IngestError } from './errors.js';
import { columnLines } from './pdf-columns.js';
import type { PageLines, PlacedText } from './pdf-lines.js';
import { removeFurniture } from './pdf-furniture.js';
import { joinParagraphs } from './pdf-paragraphs.js';
import type { FurnitureLine } from './types.js';

/** What a PDF yields: text (paragraphs separated by a blank line), page count, warnings, furniture removed. */
export interface PdfText {
  text: string;
  pages: number;
  warnings: string[];
  furniture: FurnitureLine[];
}

/** The part of a pdf.js text item used here. */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Acrobat accepts a PDF whose `%%EOF` marker is within this many bytes of the end. */
const EOF_WINDOW = 1024;
/** Share of replacement or private-use characters above which the text is probably garbled (fonts without Unicode maps). */
const GARBLED_SHARE = 0.01;

/**
 * Extracts the text of a PDF, page by page, reporting progress after each page.
 *
 * @example
 * ```ts
 * const { text, pages, warnings } = await extractPdf(bytes, (done, total) => console.log(`${done}/${total}`));
 * ```
 */
export async function extractPdf(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<PdfText> {
  assertComplete(bytes);
  const warnings: string[] = [];
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: true, verbosity: 0 }).catch((err: unknown) => {
    throw openingError(err);
  });
  try {
    if (pdf.numPages === 0) throw new IngestError('corrupt', 'Damaged PDF: it has no pages.');
    const { info } = (await pdf.getMetadata().catch((err: unknown) => {
      throw new IngestError('corrupt', `Damaged PDF: its document information cannot be read (${messageOf(err)}).`, { cause: err });
    })) as { info: { EncryptFilterName?: string | null } };
    if (info.EncryptFilterName) {
      warnings.push('The PDF is encrypted without an opening password (to restrict printing or copying); its text was read anyway.');
    }

    const pages: PageLines[] = [];
    const twoColumns: number[] = [];
    let offAngle = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const { items, view } = await readPage(pdf, number);
      const placed = upright(items, view);
      offAngle += placed.skipped;
      const { lines, columns } = columnLines(placed.fragments);
      if (columns === 2) twoColumns.push(number);
      pages.push({ lines, top: placed.top, bottom: placed.bottom });
      onProgress?.(number, pdf.numPages);
    }

    const blank = pages.flatMap(({ lines }, i) => (lines.length === 0 ? [i + 1] : []));
    if (blank.length === pages.length) {
      throw new IngestError(
        'no-text-layer',
        `The PDF has no text layer; OCR is not supported. None of its ${pages.length} page${pages.length === 1 ? '' : 's'} has text to extract (a scanned document?).`,
      );
    }
    if (blank.length > 0) warnings.push(`No text on page${blank.length === 1 ? '' : 's'} ${list(blank)} (blank, or a scanned image: OCR is not supported).`);
    if (twoColumns.length > 0) {
      warnings.push(`Page${twoColumns.length === 1 ? '' : 's'} ${list(twoColumns)} ${twoColumns.length === 1 ? 'is' : 'are'} set in two columns and ${twoColumns.length === 1 ? 'was' : 'were'} read left column first; check the reading order.`);
    }
    if (offAngle > 0) warnings.push(`Left out ${offAngle} piece${offAngle === 1 ? '' : 's'} of text set at an angle to the page (stamps or margin notes).`);

    const { pages: body, furniture } = removeFurniture(pages);
    const text = joinParagraphs(body).join('\n\n');
    const garbled = (text.match(/[\ufffd\ue000-\uf8ff]/g) ?? []).length;
    if (garbled > text.length * GARBLED_SHARE) {
      warnings.push(`${garbled} characters could not be mapped to Unicode (fonts without a character map); parts of the text may be garbled.`);
    }
    return { text, pages: pdf.numPages, warnings, furniture };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function assertComplete(bytes: Uint8Array): void {
  const tail = String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)));
  if (!tail.includes('%%EOF')) {
    throw new IngestError('corrupt', 'Truncated PDF: the file does not end with the %%EOF marker (the download or upload was probably cut short).');
  }
}

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

/** One page's text items and its box; any failure to read it means the file is damaged. */
async function readPage(pdf: Pdf, number: number): Promise<{ items: TextItemLike[]; view: number[] }> {
  try {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    return { items: content.items.filter((item): item is TextItemLike & typeof item => 'str' in item), view: page.view };
  } catch (err) {
    throw new IngestError('corrupt', `Damaged PDF: page ${number} of ${pdf.numPages} cannot be read (${messageOf(err)}).`, { cause: err });
  }
}

function openingError(err: unknown): IngestError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new IngestError('encrypted', 'The PDF is encrypted and needs a password to open; remove the password and upload it again.', { cause: err });
  }
  return new IngestError('corrupt', `Damaged PDF: it cannot be parsed (${messageOf(err)}).`, { cause: err });
}

/**
 * Places the fragments in the frame of the page's main text direction (0°, 90°, 180° or 270°, by amount of text);
 * fragments at other angles are counted and left out. Also gives the page's top and bottom edges in that frame.
 */
function upright(items: TextItemLike[], view: number[]): { fragments: PlacedText[]; skipped: number; top: number; bottom: number } {
  const straight = ({ transform: [a, b] }: TextItemLike) => Math.min(Math.abs(a!), Math.abs(b!)) <= 0.02 * Math.max(Math.abs(a!), Math.abs(b!));
  const angleOf = ({ transform: [a, b] }: TextItemLike) => (Math.round(Math.atan2(b!, a!) / (Math.PI / 2)) * 90 + 360) % 360;
  const weight = new Map<number, number>();
  for (const item of items) if (straight(item)) weight.set(angleOf(item), (weight.get(angleOf(item)) ?? 0) + item.str.length);
  const main = [...weight].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 0;
  const [cos, sin] = [Math.round(Math.cos((main * Math.PI) / 180)), Math.round(Math.sin((main * Math.PI) / 180))];

  const fragments: PlacedText[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!straight(item) || angleOf(item) !== main) {
      if (item.str.trim()) skipped++;
      continue;
    }
    const [, , c, d, e, f] = item.transform as [number, number, number, number, number, number];
    fragments.push({ str: item.str, x: e * cos + f * sin, y: -e * sin + f * cos, width: item.width, size: Math.hypot(c, d) });
  }
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const edges = [x0, x1].flatMap((x) => [y0, y1].map((y) => -x * sin + y * cos));
  return { fragments, skipped, top: Math.max(...edges), bottom: Math.min(...edges) };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function list(pages: number[]): string {
  return pages.length <= 10 ? pages.join(', ') : `${pages.slice(0, 10).join(', ')} and ${pages.length - 10} more`;
}
