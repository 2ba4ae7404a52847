// XML of package parts through saxes (a strict, non-validating parser that
// expands no entity beyond the five predefined ones, so no "billion laughs"):
// small parts as a little tree, large parts as a stream of events. Element
// and attribute names are compared by their local part, since writers differ
// in prefixes (x:row, xdr:pic) but not in local names.
import { createRequire } from 'node:module';
import type { SaxesParser as SaxesParserType, SaxesTagPlain } from 'saxes';
import { PackageError } from './package-error.js';

const requireSaxes = createRequire(import.meta.url);
const { SaxesParser } = requireSaxes('saxes') as { SaxesParser: typeof SaxesParserType };

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export class XmlNode {
  readonly children: XmlNode[] = [];
  private readonly texts: string[] = [];

  constructor(
    /** Local name (no prefix). */
    readonly name: string,
    readonly attributes: Readonly<Record<string, string>>,
  ) {}

  /** An attribute by local name; an unprefixed one first (cNvPr's id, not a relationship's r:id). */
  attr(local: string): string | undefined {
    if (local in this.attributes) return this.attributes[local];
    for (const [qname, value] of Object.entries(this.attributes)) if (localName(qname) === local) return value;
    return undefined;
  }

  /** A relationship attribute (r:id, r:embed): the prefixed one by that local name. */
  rel(local: string): string | undefined {
    for (const [qname, value] of Object.entries(this.attributes)) if (qname.includes(':') && localName(qname) === local) return value;
    return undefined;
  }

  child(name: string): XmlNode | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** Every descendant of that name, in document order. */
  all(name: string): XmlNode[] {
    const found: XmlNode[] = [];
    const visit = (node: XmlNode) => {
      for (const c of node.children) {
        if (c.name === name) found.push(c);
        visit(c);
      }
    };
    visit(this);
    return found;
  }

  /** The node's own text (not its children's). */
  ownText(): string {
    return this.texts.join('');
  }

  /** @internal */
  addText(text: string): void {
    this.texts.push(text);
  }
}

/** No part of a workbook nests elements this deep; a part that does is refused rather than walked. */
export const MAX_XML_DEPTH = 200;

/** A whole (small) part as a tree under a document node named ''. */
export function parseXml(text: string): XmlNode {
  const root = new XmlNode('', {});
  const stack: XmlNode[] = [root];
  streamXml(
    {
      open(name, attributes) {
        if (stack.length > MAX_XML_DEPTH) throw new PackageError(`XML 嵌套超过 ${MAX_XML_DEPTH} 层`);
        const node = new XmlNode(name, attributes);
        stack.at(-1)!.children.push(node);
        stack.push(node);
      },
      close() {
        stack.pop();
      },
      text(t) {
        stack.at(-1)!.addText(t);
      },
    },
    (write) => write(text),
  );
  return root;
}

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Feeds the text `produce` writes to a parser calling `handlers` with local
 * names; malformed XML is a PackageError. A handler may throw to stop.
 */
export function streamXml(handlers: XmlHandlers, produce: (write: (text: string) => void) => void): void {
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  let failure: unknown;
  parser.on('error', (error: Error) => {
    failure ??= new PackageError(`XML 格式错误：${error.message}`);
    throw failure;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  parser.on('text', (text: string) => handlers.text(text));
  parser.on('cdata', (text: string) => handlers.text(text));
  produce((text) => {
    parser.write(text);
  });
  parser.close();
}
