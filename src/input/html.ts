import type { TokenizerCallbacks } from 'htmlparser2';
import { isoDate } from './meta-date.js';

export interface HtmlText {
  /** Visible text of the article: one paragraph per block element, paragraphs separated by a blank line. */
  text: string;
  title?: string;
  /** Publication date (ISO 8601) from the page's metadata. */
  date?: string;
}

type ParserModule = typeof import('htmlparser2');
let parserModule: Promise<ParserModule> | undefined;

/** htmlparser2 is imported on the first HTML input only: plain text never pays for it. */
function loadParser(): Promise<ParserModule> {
  parserModule ??= import('htmlparser2');
  return parserModule;
}

/**
 * The visible text, title and date of an HTML article page. htmlparser2's tokenizer reads the markup
 * (entities, raw-text elements, attributes); the element tree is kept here with a plain stack, so that
 * deeply nested pages stay linear (its Parser shifts an array at each tag: quadratic on deep nesting).
 */
export async function htmlToText(html: string): Promise<HtmlText> {
  const { Tokenizer } = await loadParser();
  const collector = new TextCollector();
  const tree = new TreeBuilder(html, collector);
  const tokenizer = new Tokenizer({ decodeEntities: true }, tree);
  tokenizer.write(html);
  tokenizer.end();
  return collector.result();
}

interface ElementHandler {
  onopentag(name: string, attribs: Record<string, string>): void;
  onclosetag(name: string): void;
  ontext(text: string): void;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const CLOSES_P = [
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
];
/** Start tags that end the open element on top of the stack (HTML's optional end tags). */
const IMPLIED_CLOSE = new Map<string, Set<string>>();
for (const name of CLOSES_P) IMPLIED_CLOSE.set(name, new Set(['p']));
for (const h of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) IMPLIED_CLOSE.set(h, new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']));
IMPLIED_CLOSE.set('li', new Set(['p', 'li']));
IMPLIED_CLOSE.set('dt', new Set(['p', 'dt', 'dd']));
IMPLIED_CLOSE.set('dd', new Set(['p', 'dt', 'dd']));
IMPLIED_CLOSE.set('option', new Set(['option']));
IMPLIED_CLOSE.set('optgroup', new Set(['option', 'optgroup']));
IMPLIED_CLOSE.set('tr', new Set(['tr', 'td', 'th']));
IMPLIED_CLOSE.set('td', new Set(['td', 'th']));
IMPLIED_CLOSE.set('th', new Set(['td', 'th']));
for (const t of ['thead', 'tbody', 'tfoot']) IMPLIED_CLOSE.set(t, new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'p']));
IMPLIED_CLOSE.set('body', new Set(['head']));

/**
 * Turns tokens into open and close events: void elements close at once, optional end tags are implied,
 * an end tag closes the elements opened inside it, a stray end tag is ignored (`</p>` makes an empty p,
 * `</br>` a line break). Every element is pushed and popped once: linear in the size of the page.
 */
class TreeBuilder implements TokenizerCallbacks {
  private readonly stack: string[] = [];
  private readonly openCount = new Map<string, number>();
  private tagName = '';
  private attribs: Record<string, string> = {};
  private attribName = '';
  private attribValue = '';

  constructor(
    private readonly html: string,
    private readonly handler: ElementHandler,
  ) {}

  onopentagname(start: number, end: number): void {
    this.tagName = this.html.slice(start, end).toLowerCase();
    this.attribs = {};
  }
  onattribname(start: number, end: number): void {
    this.attribName = this.html.slice(start, end).toLowerCase();
    this.attribValue = '';
  }
  onattribdata(start: number, end: number): void {
    this.attribValue += this.html.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.attribValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    if (!(this.attribName in this.attribs)) this.attribs[this.attribName] = this.attribValue;
  }
  onopentagend(): void {
    this.open(this.tagName, this.attribs);
  }
  /** HTML ignores the slash of `<div/>`: a self-closing tag is a start tag. */
  onselfclosingtag(): void {
    this.open(this.tagName, this.attribs);
  }
  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if ((this.openCount.get(name) ?? 0) > 0) {
      while (this.pop() !== name);
    } else if (name === 'p' || name === 'br') {
      this.open(name, {});
      if (name === 'p') this.pop();
    }
  }
  ontext(start: number, end: number): void {
    this.handler.ontext(this.html.slice(start, end));
  }
  ontextentity(codepoint: number): void {
    this.handler.ontext(String.fromCodePoint(codepoint));
  }
  onend(): void {
    while (this.stack.length > 0) this.pop();
  }
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  private open(name: string, attribs: Record<string, string>): void {
    const implied = IMPLIED_CLOSE.get(name);
    while (implied && this.stack.length > 0 && implied.has(this.stack[this.stack.length - 1]!)) this.pop();
    this.handler.onopentag(name, attribs);
    if (VOID.has(name)) {
      this.handler.onclosetag(name);
      return;
    }
    this.stack.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
  }

  private pop(): string {
    const name = this.stack.pop()!;
    this.openCount.set(name, this.openCount.get(name)! - 1);
    this.handler.onclosetag(name);
    return name;
  }
}

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'iframe', 'svg', 'math', 'button',
  'select', 'textarea', 'object', 'embed', 'canvas', 'audio', 'video', 'map', 'dialog', 'title',
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert']);

/** Elements that start and end a paragraph (table cells are separated by a space, rows are paragraphs). */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Metadata naming the publication date, best first. */
const DATE_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'published_time', 'pubdate', 'publishdate',
  'publish-date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
];

interface OpenElement {
  skip: boolean;
  main: boolean;
}

interface Paragraph {
  text: string;
  /** Index of the outermost <article> holding it, -1 outside any. */
  article: number;
  main: boolean;
}

class TextCollector implements ElementHandler {
  private readonly paragraphs: Paragraph[] = [];
  private parts: string[] = [];
  private readonly stack: OpenElement[] = [];
  private skipDepth = 0;
  private articleDepth = 0;
  private articleCount = 0;
  private mainDepth = 0;
  private preDepth = 0;
  private inTitle = false;
  private titleText = '';
  private h1Text: string | undefined;
  private h1Parts: string[] | undefined;
  private jsonLd: string[] | undefined;
  private readonly jsonLdBlocks: string[] = [];
  private readonly meta = new Map<string, string>();
  private firstTime: string | undefined;
  private articleTime: string | undefined;
  private pubTime: string | undefined;

  onopentag(name: string, attribs: Record<string, string>): void {
    if (name === 'meta') this.readMeta(attribs);
    if (name === 'time' && attribs.datetime) this.readTime(attribs);
    if (name === 'title' && this.titleText === '' && this.skipDepth === 0) this.inTitle = true;
    if (name === 'script' && attribs.type?.toLowerCase() === 'application/ld+json') this.jsonLd = [];

    const element: OpenElement = { skip: this.skips(name, attribs), main: name === 'main' || attribs.role === 'main' };
    this.stack.push(element);
    if (element.skip) {
      this.skipDepth++;
      return;
    }
    if (this.skipDepth > 0) return;
    if (BLOCKS.has(name)) this.flush();
    if (name === 'article') {
      if (this.articleDepth === 0) this.articleCount++;
      this.articleDepth++;
    }
    if (element.main) this.mainDepth++;
    if (name === 'pre') this.preDepth++;
    if (name === 'br') this.parts.push('\n');
    if (name === 'h1' && this.h1Text === undefined) this.h1Parts = [];
  }

  onclosetag(name: string): void {
    if (name === 'title') this.inTitle = false;
    if (name === 'script' && this.jsonLd) {
      this.jsonLdBlocks.push(this.jsonLd.join(''));
      this.jsonLd = undefined;
    }
    const element = this.stack.pop();
    if (!element) return;
    if (element.skip) {
      this.skipDepth--;
      return;
    }
    if (this.skipDepth > 0) return;
    if (name === 'h1' && this.h1Parts) {
      this.h1Text = collapse(this.h1Parts.join('')).trim() || undefined;
      this.h1Parts = undefined;
    }
    if (name === 'td' || name === 'th') this.parts.push(' ');
    if (BLOCKS.has(name)) this.flush();
    if (name === 'article') this.articleDepth--;
    if (name === 'pre') this.preDepth--;
    if (element.main) this.mainDepth--;
  }

  ontext(data: string): void {
    if (this.inTitle) this.titleText += data;
    if (this.jsonLd) this.jsonLd.push(data);
    if (this.skipDepth > 0) return;
    const text = this.preDepth > 0 ? data : collapse(data);
    this.parts.push(text);
    this.h1Parts?.push(text);
  }

  result(): { text: string; title?: string; date?: string } {
    this.flush();
    const chosen = this.chooseParagraphs();
    const ld = this.readJsonLd();
    const title = cleanTitle(this.meta.get('og:title')) ?? cleanTitle(this.titleText) ?? cleanTitle(ld.headline) ?? this.h1Text;
    let date: string | undefined;
    for (const key of DATE_META) {
      date = isoDate(this.meta.get(key));
      if (date) break;
    }
    date ??= isoDate(ld.datePublished) ?? isoDate(this.pubTime) ?? isoDate(this.articleTime) ?? isoDate(this.firstTime);
    return {
      text: chosen.map((p) => p.text).join('\n\n'),
      ...(title !== undefined && { title }),
      ...(date !== undefined && { date }),
    };
  }

  private skips(name: string, attribs: Record<string, string>): boolean {
    if (SKIPPED.has(name)) return true;
    if (name === 'header' && this.articleDepth === 0 && this.mainDepth === 0) return true;
    if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
    const role = attribs.role?.toLowerCase();
    return role !== undefined && SKIPPED_ROLES.has(role);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    let text = this.parts.join('');
    this.parts = [];
    if (this.preDepth > 0) {
      let start = 0;
      while (text[start] === '\n') start++;
      text = text.slice(start).trimEnd();
    } else {
      // Spaces of adjacent inline elements meet here: collapse them again before trimming around <br>.
      text = text.replace(/ {2,}/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    }
    if (text === '') return;
    this.paragraphs.push({ text, article: this.articleDepth > 0 ? this.articleCount : -1, main: this.mainDepth > 0 });
  }

  /** The longest <article> when there is one, else <main>, else the whole page. */
  private chooseParagraphs(): Paragraph[] {
    const lengths = new Map<number, number>();
    for (const p of this.paragraphs) {
      if (p.article !== -1) lengths.set(p.article, (lengths.get(p.article) ?? 0) + p.text.length);
    }
    if (lengths.size > 0) {
      let best = -1;
      let bestLength = -1;
      for (const [article, length] of lengths) {
        if (length > bestLength) [best, bestLength] = [article, length];
      }
      return this.paragraphs.filter((p) => p.article === best);
    }
    const main = this.paragraphs.filter((p) => p.main);
    return main.length > 0 ? main : this.paragraphs;
  }

  private readMeta(attribs: Record<string, string>): void {
    const key = (attribs.property ?? attribs.name ?? attribs.itemprop)?.toLowerCase();
    const value = attribs.content;
    if (key && value !== undefined && !this.meta.has(key)) this.meta.set(key, value);
  }

  private readTime(attribs: Record<string, string>): void {
    const value = attribs.datetime!;
    if (attribs.pubdate !== undefined || attribs.itemprop?.toLowerCase() === 'datepublished') this.pubTime ??= value;
    if (this.articleDepth > 0) this.articleTime ??= value;
    this.firstTime ??= value;
  }

  private readJsonLd(): { headline?: string; datePublished?: string } {
    const found: { headline?: string; datePublished?: string } = {};
    for (const block of this.jsonLdBlocks) {
      let data: unknown;
      try {
        data = JSON.parse(block);
      } catch {
        continue;
      }
      visitJson(data, 0, (key, value) => {
        if (key === 'datePublished' && typeof value === 'string') found.datePublished ??= value;
        if (key === 'headline' && typeof value === 'string') found.headline ??= value;
      });
    }
    return found;
  }
}

function visitJson(value: unknown, depth: number, visit: (key: string, value: unknown) => void): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) visitJson(item, depth + 1, visit);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    visit(key, child);
    visitJson(child, depth + 1, visit);
  }
}

/** HTML white space (not the no-break spaces of French typography) collapses to one space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ');
}

function cleanTitle(title: string | undefined): string | undefined {
  const text = title === undefined ? '' : collapse(title).trim();
  return text === '' ? undefined : text;
}
