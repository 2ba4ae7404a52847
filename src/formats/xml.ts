// XML for Office parts that came from outside, read with saxes
// (namespace-aware): an element is its namespace URI and local name, never
// its prefix, so `<w:p>`, `<ns0:p>` and `<p xmlns="…">` are the same element.
// Two ways in: `scanXml` streams events (a worksheet of 100,000 cells), and
// `parseXml` builds a small tree (a Word body). Both refuse a DOCTYPE outright,
// so no entity is ever expanded (billion laughs, external entities), and both
// stop at limits on depth and element count, so a hostile part ends in an
// XmlError, never in a stack overflow or an exhausted heap.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** Deeper than any Office part nests (a table in a table in a table is about 30). */
export const MAX_XML_DEPTH = 256;
/** Elements a tree may hold; a 5,000-row Word table has about a million. */
export const MAX_XML_TREE_ELEMENTS = 4_000_000;

export interface XmlName {
  readonly uri: string;
  readonly local: string;
}

export interface XmlElement extends XmlName {
  /** Attributes by `attrKey(uri, local)`; an unprefixed attribute has no namespace. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlOptions {
  /**
   * Namespace URIs read as another (ISO/IEC 29500 Strict as Transitional, say),
   * so a reader matches one URI per vocabulary.
   */
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface XmlHandlers {
  open?(element: XmlName & { readonly attrs: ReadonlyMap<string, string> }): void;
  close?(element: XmlName): void;
  /** Character data inside the document element (entities resolved, CDATA included). */
  text?(text: string): void;
}

export function attrKey(uri: string, local: string): string {
  return uri === '' ? local : `{${uri}}${local}`;
}

/**
 * The text of a part's bytes: UTF-8 unless a byte-order mark says UTF-16
 * (both are allowed in an Office package); a UTF-8 BOM is dropped.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Streams an XML text's elements and text to `handlers`. Throws XmlError when it is not well-formed XML. */
export function scanXml(text: string, handlers: XmlHandlers, options: XmlOptions = {}): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const alias = (uri: string) => options.aliases?.[uri] ?? uri;
  let depth = 0;
  parser.on('error', (error) => {
    throw new XmlError(error.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('XML with a DOCTYPE is not accepted');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    if (depth > MAX_XML_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_XML_DEPTH}`);
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
      attrs.set(attrKey(a.prefix === '' ? '' : alias(a.uri), a.local), a.value);
    }
    handlers.open?.({ uri: alias(tag.uri), local: tag.local, attrs });
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth -= 1;
    handlers.close?.({ uri: alias(tag.uri), local: tag.local });
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (t) => {
      if (depth > 0) onText(t);
    });
    parser.on('cdata', (t) => onText(t));
  }
  parser.write(text).close();
}

/** The document element of an XML text, as a tree. Throws XmlError when it is not well-formed or too large. */
export function parseXml(text: string, options: XmlOptions = {}): XmlElement {
  const root: XmlElement = { uri: '', local: '#document', attrs: new Map(), children: [] };
  const stack: XmlElement[] = [root];
  let count = 0;
  scanXml(
    text,
    {
      open(element) {
        count += 1;
        if (count > MAX_XML_TREE_ELEMENTS) throw new XmlError(`more than ${MAX_XML_TREE_ELEMENTS} elements`);
        const node: XmlElement = { uri: element.uri, local: element.local, attrs: element.attrs, children: [] };
        stack.at(-1)!.children.push(node);
        stack.push(node);
      },
      close() {
        stack.pop();
      },
      text(t) {
        const children = stack.at(-1)!.children;
        const last = children.length - 1;
        if (typeof children[last] === 'string') children[last] += t;
        else children.push(t);
      },
    },
    options,
  );
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new XmlError('no document element');
  return element;
}

export function isElement(node: XmlNode | undefined, uri: string, local?: string): node is XmlElement {
  return node !== undefined && typeof node !== 'string' && node.uri === uri && (local === undefined || node.local === local);
}

/** Child elements, all or those of one name. */
export function childElements(node: XmlElement, uri?: string, local?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && (uri === undefined || (c.uri === uri && (local === undefined || c.local === local))));
}

export function firstChild(node: XmlElement | undefined, uri: string, local: string): XmlElement | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (typeof c !== 'string' && c.uri === uri && c.local === local) return c;
  return undefined;
}

export function attr(node: XmlElement | undefined, uri: string, local: string): string | undefined {
  return node?.attrs.get(attrKey(uri, local));
}

/** The text directly inside an element (not its descendants'). */
export function ownText(node: XmlElement): string {
  return node.children.filter((c): c is string => typeof c === 'string').join('');
}
