/**
 * Markdown to plain text, line by line and without a parser: heading markers, emphasis, inline code, links, images,
 * block quotes, fences, rules and backslash escapes are removed; the words, the line structure and list numbering
 * ("1.", "a)") stay, since legal numbering often looks like a Markdown list.
 */

/**
 * Removes Markdown markup and keeps the text.
 *
 * @example
 * ```ts
 * markdownToText('## Artículo 1\n\nVéase **el** [Protocolo](https://example.org).');
 * // 'Artículo 1\n\nVéase el Protocolo.'
 * ```
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line) && !/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) && !/^\s{0,3}(=+|-+)\s*$/.test(line))
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}[ \t]*/, '')
        .replace(/[ \t]+#+[ \t]*$/, '')
        .replace(/^(\s{0,3}>[ \t]?)+/, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
        .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
        .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
        .replace(/`([^`\n]+)`/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
        .replace(/[ \t]+$/, ''),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
