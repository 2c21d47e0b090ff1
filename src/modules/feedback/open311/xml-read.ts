/**
 * A small, tolerant XML reader for the subset Open311 servers send: elements, text, CDATA, comments,
 * processing instructions and the five predefined entities plus character references. Attributes are
 * read but, per the Spark convention, only `is_array="true"` (seen in the wild) means anything.
 * A DOCTYPE is skipped and never expanded: no external or recursive entities can be smuggled in.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

export class XmlReadError extends Error {}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

/** Parses a document and returns its root element. Throws XmlReadError on malformed input. */
export function parseXml(source: string): XmlNode {
  const text = source.replace(/^\uFEFF/, '');
  let pos = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;

  const fail = (why: string): never => {
    throw new XmlReadError(`${why} at offset ${pos}`);
  };
  const skipPast = (end: string) => {
    const at = text.indexOf(end, pos);
    if (at < 0) fail(`Unterminated construct, expected ${end}`);
    pos = at + end.length;
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = lt < 0 ? text.slice(pos) : text.slice(pos, lt);
    if (chunk.length > 0) {
      const top = stack[stack.length - 1];
      if (top) top.text += decode(chunk);
      else if (chunk.trim() !== '') fail('Text outside the root element');
    }
    if (lt < 0) break;
    pos = lt;
    if (text.startsWith('<?', pos)) skipPast('?>');
    else if (text.startsWith('<!--', pos)) skipPast('-->');
    else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      if (end < 0) fail('Unterminated CDATA');
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element');
      top!.text += text.slice(pos + 9, end);
      pos = end + 3;
    } else if (text.startsWith('<!', pos)) {
      // DOCTYPE (possibly with an internal subset in brackets): skipped, never interpreted.
      const bracket = text.indexOf('[', pos);
      const close = text.indexOf('>', pos);
      if (bracket >= 0 && bracket < close) {
        pos = bracket;
        skipPast(']');
      }
      skipPast('>');
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      NAME.lastIndex = pos;
      const m = NAME.exec(text);
      if (!m) fail('Bad closing tag');
      const open = stack.pop();
      if (!open || open.name !== m![0]) fail(`Closing tag </${m![0]}> does not match <${open?.name ?? ''}>`);
      pos = NAME.lastIndex;
      skipPast('>');
    } else {
      pos += 1;
      NAME.lastIndex = pos;
      const m = NAME.exec(text);
      if (!m) fail('Bad opening tag');
      const node: XmlNode = { name: m![0], attributes: {}, children: [], text: '' };
      pos = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = pos;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        node.attributes[a[1]!] = decode(a[3] ?? a[4] ?? '');
        pos = ATTRIBUTE.lastIndex;
      }
      while (/\s/.test(text[pos] ?? '')) pos += 1;
      const selfClosing = text.startsWith('/>', pos);
      if (!selfClosing && text[pos] !== '>') fail(`Malformed tag <${node.name}>`);
      pos += selfClosing ? 2 : 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) fail('More than one root element');
      else root = node;
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length > 0) fail(`Unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) fail('No root element');
  return root!;
}

/** Containers whose children are always a list, even when only one child is present. */
const LIST_CONTAINERS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  service_requests_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  photos: 'photo',
  groups: 'group',
};

function isList(node: XmlNode): boolean {
  if (node.attributes.is_array === 'true') return true;
  const first = node.children[0];
  if (!first) return Object.hasOwn(LIST_CONTAINERS, node.name) && node.text.trim() === '';
  if (!node.children.every((c) => c.name === first.name)) return false;
  return node.children.length > 1 || LIST_CONTAINERS[node.name] === first.name;
}

/**
 * An element read by the Spark convention: leaf → its text (`null` when empty), a list container →
 * an array, anything else → an object (a repeated child name becomes an array under that name).
 */
export function sparkValue(node: XmlNode): unknown {
  if (isList(node)) return node.children.map(sparkValue);
  if (node.children.length === 0) return node.text.trim() === '' ? null : node.text.trim();
  const out: Record<string, unknown> = {};
  const repeated = new Set<string>();
  for (const child of node.children) {
    // A hostile `<__proto__>` must not reach an object's prototype.
    if (child.name === '__proto__') continue;
    const value = sparkValue(child);
    if (!Object.hasOwn(out, child.name)) out[child.name] = value;
    else if (repeated.has(child.name)) (out[child.name] as unknown[]).push(value);
    else {
      out[child.name] = [out[child.name], value];
      repeated.add(child.name);
    }
  }
  return out;
}

/** A whole document as its JSON twin (the root element dropped). */
export function readOpen311Xml(source: string): unknown {
  return sparkValue(parseXml(source));
}
