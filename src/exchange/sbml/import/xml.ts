// SPDX-License-Identifier: MIT
/** A small namespace-aware XML tree built with saxes, a strict (well-formedness checking) SAX parser. */
import { SaxesParser } from 'saxes';
import { SbmlError } from './errors.js';

/** Marks where a child element (MathML's `<sep/>`) stood inside a `<cn>`'s text. */
export const CN_SEPARATOR = '\u0001';

/** One element: its namespace URI, local name, attributes (by local name), children and text content. */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** Concatenated character data directly inside the element. */
  text: string;
  /** Line of the start tag, for messages. */
  readonly line: number;
}

/**
 * Parses an XML document into a tree.
 * @throws SbmlError (invalid) with the line and the parser's reason when the document is not well-formed.
 */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      // Attributes of other namespaces keep their prefix so they cannot shadow SBML's own.
      attrs.set(attr.uri === '' ? attr.local : `${attr.prefix}:${attr.local}`, attr.value);
    }
    const element: XmlElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      attrs,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    // A <sep/> inside <cn> splits mantissa and exponent (or numerator and denominator): keep a marker.
    if (parent?.name === 'cn') parent.text += CN_SEPARATOR;
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(source).close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (failure !== undefined) throw new SbmlError('invalid', 'document', `malformed XML: ${failure}`);
  if (!root) throw new SbmlError('invalid', 'document', 'malformed XML: no root element');
  return root;
}

/** The children of `element` with local name `name` (any namespace). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child named `name`, or undefined. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
