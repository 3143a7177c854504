/**
 * A minimal XML reader for vSphere's SOAP answers (vim25). Node has no XML parser and the SOAP
 * envelopes we read are small, machine-written and namespace-light, so a strict little reader
 * beats a dependency: elements, attributes, text and the five entities plus numeric references.
 * Element names lose their prefix (`soapenv:Body` → `Body`); any prefixed `…:type` attribute
 * (xsi:type, XMLSchema-instance:type) is kept as `xsi:type`, apart from the plain `type` of a
 * ManagedObjectReference.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function attributeName(name: string): string | null {
  if (name === 'xmlns' || name.startsWith('xmlns:')) return null;
  if (name.includes(':')) return localName(name) === 'type' ? 'xsi:type' : localName(name);
  return name;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = attributeName(match[1] ?? '');
    if (name) attrs[name] = decode(match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError on broken input. */
export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let position = 0;
  while (position < source.length) {
    const open = source.indexOf('<', position);
    const text = source.slice(position, open === -1 ? source.length : open);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text);
    else if (text.trim() !== '') throw new XmlSyntaxError('text outside the root element');
    if (open === -1) break;
    if (source.startsWith('<?', open) || source.startsWith('<!--', open)) {
      const end = source.indexOf(source.startsWith('<?', open) ? '?>' : '-->', open);
      if (end === -1) throw new XmlSyntaxError('unterminated declaration or comment');
      position = end + (source.startsWith('<?', open) ? 2 : 3);
      continue;
    }
    if (source.startsWith('<![CDATA[', open)) {
      const end = source.indexOf(']]>', open);
      if (end === -1 || !top) throw new XmlSyntaxError('unterminated CDATA section');
      top.text += source.slice(open + 9, end);
      position = end + 3;
      continue;
    }
    const close = source.indexOf('>', open);
    if (close === -1) throw new XmlSyntaxError('unterminated tag');
    const tag = source.slice(open + 1, close);
    position = close + 1;
    if (tag.startsWith('/')) {
      const element = stack.pop();
      if (!element || element.name !== localName(tag.slice(1).trim()))
        throw new XmlSyntaxError(`unexpected closing tag </${tag.slice(1).trim()}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/[\s/]|$/);
    const element: XmlElement = {
      name: localName(body.slice(0, nameEnd)),
      attrs: parseAttributes(body.slice(nameEnd)),
      children: [],
      text: '',
    };
    if (top) top.children.push(element);
    else if (root) throw new XmlSyntaxError('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0)
    throw new XmlSyntaxError('the document ended before its root element closed');
  return root;
}

export const childOf = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((child) => child.name === name);

export const childrenOf = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element?.children.filter((child) => child.name === name) ?? [];

/** Follows a path of child names, e.g. `pathOf(envelope, 'Body', 'LoginResponse')`. */
export function pathOf(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = childOf(current, name);
  return current;
}
