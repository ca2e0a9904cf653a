import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html as htmlSchema } from 'property-information';
import type { ContentProblem } from './content-error';
import { bodyTextProblems } from './text-rules';

/**
 * Rules for an article's body: its Markdown source as the editor wrote it
 * (empty bodies, unclosed comments, stray control characters) and the HTML
 * it renders to, which goes through a real sanitiser (hast-util-sanitize)
 * with the schema of what a news article may contain. When sanitising would
 * change anything, the article is refused with the element and the reason,
 * so nothing is ever dropped from a story without the editor knowing.
 */

/** URL schemes links and images in a body may use (relative and `#fragment` links are always fine). */
const LINK_PROTOCOLS = ['http', 'https', 'mailto', 'HTTP', 'HTTPS', 'MAILTO'];
const MEDIA_PROTOCOLS = ['http', 'https', 'HTTP', 'HTTPS'];

/** Class names the Markdown renderer writes (footnotes, task lists, code languages). */
const RENDERER_CLASS =
  /^(?:language-[\w+#.-]+|sr-only|footnotes|contains-task-list|task-list-item|data-footnote-backref)$/;

/** A table cell's alignment, as GFM tables write it. */
const CELL_ALIGN = /^text-align: ?(?:left|right|center);?$/;

/**
 * What an article body may contain: text formatting, headings, lists,
 * quotes, tables, figures, images and links; what the Markdown renderer
 * writes for footnotes, task lists, heading ids and local images. No
 * scripts, styles, forms, frames, embeds, meta or base elements, event
 * handlers, or links other than http(s), mailto, relative and fragment.
 */
export const NEWS_SCHEMA: Schema = {
  tagNames: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'div', 'span'],
    ...['a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark'],
    ...[
      'abbr',
      'cite',
      'q',
      'dfn',
      'kbd',
      'code',
      'samp',
      'var',
      'time',
      'data',
      'wbr',
      'bdi',
      'bdo',
    ],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'aside', 'details', 'summary'],
    ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...['figure', 'figcaption', 'img', 'picture', 'source', 'input'],
  ],
  attributes: {
    '*': ['id', 'title', 'lang', 'dir', ['className', RENDERER_CLASS], 'ariaLabel', 'ariaHidden'],
    a: ['href', 'hreflang', 'rel', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', '__astro_image_'],
    source: ['srcSet', 'type', 'media', 'sizes', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    data: ['value'],
    abbr: ['title'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    th: ['scope', 'colSpan', 'rowSpan', 'abbr', ['style', CELL_ALIGN], 'align'],
    td: ['colSpan', 'rowSpan', ['style', CELL_ALIGN], 'align'],
    col: ['span'],
    colgroup: ['span'],
    section: ['dataFootnotes'],
    details: ['open'],
    // GFM task lists render disabled checkboxes; nothing else of a form is allowed.
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
  },
  protocols: {
    href: LINK_PROTOCOLS,
    cite: MEDIA_PROTOCOLS,
    src: MEDIA_PROTOCOLS,
    srcSet: MEDIA_PROTOCOLS,
  },
  // Ids are the renderer's (heading anchors, footnotes); they are kept as written.
  clobber: [],
  clobberPrefix: '',
  // Editors leave notes to each other in comments; they are not shown.
  allowComments: true,
  allowDoctypes: false,
  strip: ['script', 'style'],
};

const ELEMENT_REASON: Record<string, string> = {
  script: 'would run code',
  style: 'would restyle the page',
  meta: 'could redirect the reader or change how the page is read',
  base: 'would change where every link on the page goes',
  link: 'would load another file into the page',
  form: 'would collect what readers type',
  input: 'is a form field',
  button: 'is a form control',
  textarea: 'is a form field',
  select: 'is a form field',
  iframe: 'embeds another page',
  frame: 'embeds another page',
  object: 'embeds another document',
  embed: 'embeds another document',
  plaintext: 'would swallow the rest of the page as text',
  svg: 'can carry scripts',
  math: 'is not supported',
};

/** The HTML attribute name of a hast property (`ariaDescribedBy` → `aria-describedby`). */
function attributeName(property: string): string {
  return find(htmlSchema, property).attribute;
}

/** The URL scheme of a value as the sanitiser sees it, or undefined for relative and fragment URLs. */
function scheme(value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  for (const stop of ['/', '?', '#']) {
    const at = value.indexOf(stop);
    if (at > -1 && colon > at) return undefined;
  }
  return value.slice(0, colon);
}

type Definition = NonNullable<Schema['attributes']>[string][number];

function definitionOf(tag: string, property: string): Definition | undefined {
  const attributes = NEWS_SCHEMA.attributes ?? {};
  const match = (list: readonly Definition[] | undefined) =>
    list?.find((d) => (typeof d === 'string' ? d : d[0]) === property);
  return match(attributes[tag]) ?? match(attributes['*']);
}

function allowedValue(definition: Definition, value: unknown): boolean {
  if (typeof definition === 'string' || definition.length === 1) return true;
  return definition
    .slice(1)
    .some((allowed) =>
      allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value,
    );
}

/** Why the sanitiser would change this element, or undefined when it keeps it as it is. */
function elementReason(element: Element): string | undefined {
  const tag = element.tagName;
  if (!NEWS_SCHEMA.tagNames?.includes(tag)) {
    const reason = ELEMENT_REASON[tag] ?? 'is not part of what an article body may contain';
    return `<${tag}> is not allowed: it ${reason}`;
  }
  for (const [property, raw] of Object.entries(element.properties)) {
    if (raw === undefined || raw === null) continue;
    const name = attributeName(property);
    const definition = definitionOf(tag, property);
    if (!definition) {
      return /^on/i.test(name)
        ? `<${tag} ${name}> is an event handler, which would run code`
        : `<${tag} ${name}> is not an attribute an article body may use`;
    }
    const values = Array.isArray(raw) ? raw : [raw];
    const protocols = NEWS_SCHEMA.protocols?.[property];
    for (const value of values) {
      const used = protocols ? scheme(String(value)) : undefined;
      if (used !== undefined && !protocols?.includes(used)) {
        return `<${tag} ${name}> uses a ${JSON.stringify(used).slice(1, -1).toLowerCase()}: URL`;
      }
      if (!allowedValue(definition, value)) {
        return `<${tag} ${name}="${String(value)}"> is not a value an article body may use`;
      }
    }
  }
  return undefined;
}

/** The first reason, in document order, why the sanitiser would change the tree. */
function firstReason(node: Nodes): string | undefined {
  if (node.type === 'element') {
    const reason = elementReason(node);
    if (reason) return reason;
  }
  if (node.type === 'doctype') return '<!doctype> is not allowed in a body';
  if ('children' in node) {
    for (const child of node.children) {
      const reason = firstReason(child);
      if (reason) return reason;
    }
  }
  return undefined;
}

/** Whether two hast trees are the same, ignoring source positions. */
function sameTree(a: Nodes, b: Nodes): boolean {
  if (a.type !== b.type) return false;
  if ('value' in a && 'value' in b && a.value !== b.value) return false;
  if (a.type === 'element' && b.type === 'element') {
    if (a.tagName !== b.tagName) return false;
    if (JSON.stringify(a.properties) !== JSON.stringify(b.properties)) return false;
  }
  const left = 'children' in a ? a.children : [];
  const right = 'children' in b ? b.children : [];
  if (left.length !== right.length) return false;
  return left.every((child, index) => sameTree(child, right[index] as Nodes));
}

/** Elements of plain Markdown prose, which the sanitiser always keeps as they are. */
const PLAIN_TAGS = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 blockquote pre code em strong del a ul ol li sup sub'.split(' '),
);
/** A tag as the Markdown renderer writes it: lower-case name, double-quoted attributes. */
const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z-]+="[^"<>&]*")*)\s*\/?>/g;
/** Attributes plain prose carries; values are checked below. */
const PLAIN_ATTRIBUTE = / (id|title|href|rel)="([^"]*)"/g;
/** Link targets the schema allows, in the lower-case form the renderer writes. */
const PLAIN_HREF = /^(?:https?:\/\/|mailto:|\/(?!\/)|#|\.{0,2}\/)|^[^:/?#]*(?:[/?#]|$)/;

/**
 * Whether `html` is plain prose in the renderer's canonical form (paragraphs,
 * headings, lists, quotes, emphasis, code, http(s)/mailto/relative links)
 * with nothing else: no comment, no entity in an attribute, no other element
 * or attribute, no stray `<`. Such markup is exactly what the sanitiser keeps
 * unchanged, so most articles skip the HTML parser (about 3 ms for a
 * 7 KB body, which is 30 s over 10,000 articles). Anything else goes
 * through the full parse and sanitise.
 */
export function isPlainMarkup(html: string): boolean {
  let rest = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    rest += html.slice(last, match.index);
    last = match.index + match[0].length;
    const [, closing, name = '', attributes = ''] = match;
    if (!PLAIN_TAGS.has(name)) return false;
    if (closing && attributes !== '') return false;
    PLAIN_ATTRIBUTE.lastIndex = 0;
    let seen = 0;
    for (
      let attribute = PLAIN_ATTRIBUTE.exec(attributes);
      attribute;
      attribute = PLAIN_ATTRIBUTE.exec(attributes)
    ) {
      seen += attribute[0].length;
      const [, key, value = ''] = attribute;
      if (
        key === 'href' ? name !== 'a' || !PLAIN_HREF.test(value) : key === 'rel' && name !== 'a'
      ) {
        return false;
      }
    }
    if (seen !== attributes.length) return false;
  }
  rest += html.slice(last);
  return !rest.includes('<');
}

/**
 * Problems in an article's rendered body HTML: parses it once, sanitises it
 * with {@link NEWS_SCHEMA}, and when the result differs names the first
 * element and why (`<a href> uses a javascript: URL`, `<meta> is not
 * allowed`). Entities are decoded by the HTML parser first, so
 * `&#106;avascript:` and `java&#x09;script:` are seen as what a browser sees.
 */
export function bodyHtmlProblems(file: string, html: string): ContentProblem[] {
  return isPlainMarkup(html) ? [] : sanitiserProblems(file, html);
}

/** {@link bodyHtmlProblems} without the fast path for plain prose: always parses and sanitises. */
export function sanitiserProblems(file: string, html: string): ContentProblem[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const clean = sanitize(tree, NEWS_SCHEMA);
  if (sameTree(tree, clean)) return [];
  const reason =
    firstReason(tree) ?? 'the sanitiser would change it (an element in a place it may not be)';
  return [
    {
      file,
      field: 'body',
      problem: `${reason}; raw HTML in a body may format text and link to http(s) or mailto, nothing else`,
    },
  ];
}

/** Fenced code blocks and inline code spans, whose text is shown literally. */
const CODE =
  /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)|(`+)[^`\n][\s\S]*?\3/gm;

/** The last body blanked by {@link withoutCode}: the source and image rules read the same body in turn. */
let blanked = { body: '', text: '' };

/** The body with code blanked out (same length and line breaks), so positions stay true. */
function withoutCode(body: string): string {
  if (blanked.body !== body) {
    blanked = { body, text: body.replace(CODE, (code) => code.replace(/[^\n]/g, ' ')) };
  }
  return blanked.text;
}

/** 1-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i > -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Problems in an article body's Markdown source: a body that is empty or
 * only comments (when `required`), a `<!--` that is never closed (it would
 * hide the rest of the story, its footer and related stories), and
 * characters feeds cannot carry. `firstLine` is the file line the body
 * starts on, so lines in messages are the file's.
 */
export function bodySourceProblems(
  file: string,
  body: string,
  { firstLine = 1, required = true }: { firstLine?: number; required?: boolean } = {},
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const text = withoutCode(body);
  const open = /<!--(?!-?>)/g;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const close = text.indexOf('-->', match.index + 4);
    if (close < 0) {
      problems.push({
        file,
        field: 'body',
        problem: `line ${lineAt(text, match.index) + firstLine - 1}: "<!--" opens a comment that is never closed, which would hide the rest of the article; close it with "-->"`,
      });
      break;
    }
    open.lastIndex = close + 3;
  }
  if (required && problems.length === 0 && body.replace(/<!--[\s\S]*?-->/g, '').trim() === '') {
    problems.push({
      file,
      field: 'body',
      problem:
        body.trim() === ''
          ? 'is empty; an article needs text under its frontmatter'
          : 'has only comments, which readers do not see; an article needs text under its frontmatter',
    });
  }
  problems.push(...bodyTextProblems(file, body, firstLine));
  return problems;
}

/** Local images a Markdown body shows (`![alt](./photo.jpg)`), with their file lines. */
export function bodyImageReferences(body: string, firstLine = 1): { path: string; line: number }[] {
  const text = withoutCode(body);
  const found: { path: string; line: number }[] = [];
  const patterns = [/!\[[^\]]*\]\(\s*<([^>\n]+)>/g, /!\[[^\]]*\]\(\s*([^\s)]+)/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const path = match[1] ?? '';
      if (path === '' || path.startsWith('<') || /^[a-z][a-z0-9+.-]*:|^\/\/|^\/|^#/i.test(path)) {
        continue;
      }
      let decoded = path;
      try {
        decoded = decodeURI(path);
      } catch {
        // A malformed %-escape: check the path as written.
      }
      found.push({ path: decoded, line: lineAt(text, match.index) + firstLine - 1 });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
