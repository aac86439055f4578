/**
 * Armoniza's text engine: segment legal texts into provisions, align a bill with a model, redline each aligned pair
 * and report coverage. Pure and Web-standard (no Node built-ins, no database), so it runs in Node and in workerd.
 *
 * @example
 * import { compare, segment } from './text';
 * const result = compare(segment(modelText), segment(billText));
 */
export { compare, ENGINE_VERSION } from './compare';
export { fold, normalizeText } from './normalize';
export { redline } from './redline';
export { segment } from './segment';
export type * from './types';
