// Just enough XML to read a Word document's tables: elements, attributes,
// text, the five named entities and numeric references. No DTDs: a DOCTYPE
// is refused outright, so entity expansion (billion laughs, external
// entities) can never happen. WordprocessingML needs nothing more.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!([^>]*)>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return NAMED[ref] ?? whole;
  });
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** The document element of an XML text. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of text.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) throw new XmlError('XML with a DOCTYPE is not accepted');
    else if (m[3] !== undefined) closeElement(stack, m[3]);
    else if (m[4] !== undefined) openElement(stack, m[4], m[5] ?? '', m[6] === '/');
    else if (m[7] !== undefined) top.children.push(decodeEntities(m[7]));
    else if (m[8] !== undefined) throw new XmlError('stray < in XML text');
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.name}>`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new XmlError('no document element');
  return element;
}

function openElement(stack: XmlElement[], name: string, attrText: string, selfClosing: boolean): void {
  const element: XmlElement = { name, attrs: attributes(attrText), children: [] };
  stack[stack.length - 1]!.children.push(element);
  if (!selfClosing) stack.push(element);
}

function closeElement(stack: XmlElement[], name: string): void {
  const top = stack.pop();
  if (!top || top.name !== name || stack.length === 0) throw new XmlError(`unexpected </${name}>`);
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstElement(node: XmlElement, name: string): XmlElement | undefined {
  return elements(node, name)[0];
}
