/**
 * Small legal texts of our own for tests: a four-article model with fracciones, the kind of text the engine meets in
 * real laws, small enough to check results by eye.
 */
export const SAMPLE_MODEL = [
  'Artículo 1. Esta ley protege a las víctimas de trata de personas.',
  'Artículo 2. Son autoridades competentes:',
  'I. La Fiscalía;',
  'II. La Comisión.',
  'Artículo 3. Se crea un fondo de reparación para las víctimas.',
  'Artículo 4. La ley entra en vigor al día siguiente.',
].join('\n');
