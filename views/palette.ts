/**
 * Status colours, as data. Progress from `introduced` to `harmonized` is ordinal, so it takes five steps of viridis
 * (readable with every common colour-vision deficiency and in greyscale); `none` — evidence that no law exists — is
 * Okabe–Ito vermillion, outside that scale; `unknown` — no information — is a grey hatch, never a solid colour, so that
 * "we do not know" cannot be read as "there is nothing". `ink` is the text colour that contrasts with each fill.
 */
import type { Status } from '../src/domain/vocabulary.js';

export interface Swatch {
  fill: string;
  ink: string;
  /** A CSS background for HTML swatches and badges. */
  css: string;
}

const HATCH_BG = '#e4e4e4';
const HATCH_LINE = '#9a9a9a';

export const PALETTE: Record<Status, Swatch> = {
  unknown: {
    fill: 'url(#hatch-unknown)',
    ink: '#1b1f24',
    css: `repeating-linear-gradient(135deg, ${HATCH_BG} 0 4px, ${HATCH_LINE} 4px 5.5px)`,
  },
  none: { fill: '#d55e00', ink: '#ffffff', css: '#d55e00' },
  introduced: { fill: '#fde725', ink: '#1b1f24', css: '#fde725' },
  'in-committee': { fill: '#7ad151', ink: '#1b1f24', css: '#7ad151' },
  approved: { fill: '#22a884', ink: '#1b1f24', css: '#22a884' },
  published: { fill: '#2a788e', ink: '#ffffff', css: '#2a788e' },
  harmonized: { fill: '#414487', ink: '#ffffff', css: '#414487' },
};

/** The hatch pattern `unknown` refers to; put it once in every SVG that uses the palette. */
export const HATCH = { id: 'hatch-unknown', background: HATCH_BG, line: HATCH_LINE } as const;
