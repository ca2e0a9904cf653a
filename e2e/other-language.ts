import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

/**
 * Finds text of another language on a built page: the phrases given that
 * occur, as whole words, in the page's visible text or its alt, title and
 * aria-label attributes. Elements whose `lang` is another language's (a
 * linked translation's title, the edition switch, a biography shown in the
 * language it was written in) are skipped with everything inside them.
 */
export function otherLanguageText(
  html: string,
  pageLang: string,
  phrases: readonly string[],
): string[] {
  const tree: Root = fromHtml(html);
  const texts: string[] = [];
  const visit = (node: Root | RootContent, inBody: boolean) => {
    if (node.type === 'text') {
      if (inBody) texts.push(node.value);
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    if (node.type === 'element') {
      const element = node as Element;
      if (['script', 'style', 'template', 'head'].includes(element.tagName)) return;
      const lang = element.properties['lang'];
      if (typeof lang === 'string' && lang !== '' && !lang.startsWith(pageLang)) return;
      for (const name of ['alt', 'title', 'ariaLabel']) {
        const value = element.properties[name];
        if (typeof value === 'string') texts.push(value);
      }
      inBody ||= element.tagName === 'body';
    }
    for (const child of node.children) visit(child, inBody);
  };
  visit(tree, false);
  const text = texts.join('\n').replace(/\s+/g, ' ');
  return phrases.filter((phrase) => wholeWords(phrase).test(text));
}

function wholeWords(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

/** The text of a page's headline (`h1`) and standfirst (`.dek`). */
export function headlineTexts(html: string): string[] {
  const found: string[] = [];
  const textOf = (node: RootContent): string =>
    node.type === 'text'
      ? node.value
      : node.type === 'element'
        ? node.children.map(textOf).join('')
        : '';
  const visit = (node: Root | RootContent) => {
    if (node.type !== 'root' && node.type !== 'element') return;
    if (node.type === 'element') {
      const classes = node.properties['className'];
      const isDek = Array.isArray(classes) && classes.includes('dek');
      if (node.tagName === 'h1' || isDek) {
        found.push(textOf(node));
        return;
      }
    }
    for (const child of node.children) visit(child);
  };
  visit(fromHtml(html));
  return found;
}
