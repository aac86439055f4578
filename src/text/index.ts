/**
 * Armoniza's text engine: segment legal texts into provisions, align a bill with a model, redline each aligned pair
 * and report coverage. Pure and Web-standard (no Node built-ins, no database), so it runs in Node and in workerd.
 *
 * @example
 * import { compare, segment, segmentUnits } from './text';
 * const law = segment(modelText); // its provisions, each with its tree of paragraphs, fracciones and incisos
 * const result = compare(segmentUnits(modelText), segmentUnits(billText)); // units are all a comparison reads
 */
export { compare, ENGINE_VERSION } from './compare';
export { fold, normalizeText } from './normalize';
export { redline } from './redline';
export { segment, segmentUnits } from './segment';
export type * from './types';
