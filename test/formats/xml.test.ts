// XML from outside, read by namespace: the same element under any prefix,
// Strict namespaces read as Transitional, UTF-16 parts, and hostile XML
// (DOCTYPE, entity tricks, deep nesting) refused with XmlError.
import { describe, expect, it } from 'vitest';
import { attr, decodeXml, parseXml, scanXml, XmlError, MAX_XML_DEPTH } from '../../src/formats/xml.js';
import { OOXML_ALIASES, S, W } from '../../src/formats/ooxml/namespaces.js';

describe('parseXml', () => {
  it('names elements and attributes by namespace URI and local name, whatever the prefix', () => {
    const forms = [
      `<w:p xmlns:w="${W}"><w:pPr w:val="1"/></w:p>`,
      `<ns0:p xmlns:ns0="${W}"><ns0:pPr ns0:val="1"/></ns0:p>`,
      `<p xmlns="${W}" xmlns:w="${W}"><pPr w:val="1"/></p>`,
      `<w:p xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:pPr w:val="1"/></w:p>`,
    ];
    for (const xml of forms) {
      const p = parseXml(xml, { aliases: OOXML_ALIASES });
      expect([p.uri, p.local]).toEqual([W, 'p']);
      const pPr = p.children[0] as ReturnType<typeof parseXml>;
      expect([pPr.uri, pPr.local, attr(pPr, W, 'val')]).toEqual([W, 'pPr', '1']);
    }
  });

  it('does not take a prefix for its namespace: w: bound to another URI is another vocabulary', () => {
    const p = parseXml('<w:p xmlns:w="urn:not-word"/>');
    expect(p.uri).toBe('urn:not-word');
  });

  it('resolves the predefined entities, character references and CDATA', () => {
    const a = parseXml('<a x="1 &amp; 2"><![CDATA[<b>]]>&#x4E2D;&#25991;&lt;&gt;&quot;&apos;</a>');
    expect(attr(a, '', 'x')).toBe('1 & 2');
    expect(a.children).toEqual(['<b>中文<>"\'']);
  });

  it.each([
    ['a DOCTYPE with an entity', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
    ['an external entity', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
    ['an undefined entity', '<x>&nbsp;</x>'],
    ['a mismatched tag', '<a><b></a>'],
    ['an unbound prefix', '<q:a/>'],
    ['two roots', '<a/><b/>'],
    ['nesting deeper than the limit', `${'<a>'.repeat(MAX_XML_DEPTH + 1)}${'</a>'.repeat(MAX_XML_DEPTH + 1)}`],
    ['no element at all', ''],
  ])('refuses %s with XmlError', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  it('streams elements and text in order', () => {
    const seen: string[] = [];
    scanXml(`<x:row xmlns:x="${S}" r="1"><x:c><x:v>7</x:v></x:c></x:row>`, {
      open: (e) => seen.push(`<${e.local} ${[...e.attrs].map(([k, v]) => `${k}=${v}`).join(' ')}`.trim()),
      close: (e) => seen.push(`</${e.local}`),
      text: (t) => seen.push(t),
    });
    expect(seen).toEqual(['<row r=1', '<c', '<v', '7', '</v', '</c', '</row']);
  });
});

describe('decodeXml', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 by its mark', () => {
    const text = '<a>中文</a>';
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe(text);
    expect(decodeXml(utf16le)).toBe(text);
    expect(decodeXml(utf16be)).toBe(text);
  });
});
