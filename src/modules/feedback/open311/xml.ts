/**
 * A minimal XML writer for Open311 responses. Open311 XML is schemaless, namespace-free and uses
 * only elements and text, so a string builder is enough — and keeps us free of a dependency whose
 * escaping rules we would have to audit anyway.
 *
 * Spark convention (the spec's JSON↔XML mapping): objects become child elements in key order;
 * an array becomes a container element whose children are all named by the singular of the
 * container (`attributes` > `attribute`); `null` is an empty element; `undefined` is left out.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// XML 1.0 allows only TAB, LF, CR and these ranges; anything else (NUL, other C0 controls, lone
// surrogates, U+FFFE/U+FFFF) makes the whole document unparseable, so it is dropped.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters XML 1.0 cannot carry (used on both formats so XML and JSON hold the same data). */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A literal CR would be normalised to LF by every XML parser; a character reference survives.
  '\r': '&#13;',
};

/** Escapes text for element content or attribute values, after dropping illegal characters. */
export function escapeXml(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function checkName(name: string): string {
  // Names come from our own views, never from users: a bad one is a programming error.
  if (!NAME.test(name) || /^xml/i.test(name)) throw new Error(`Not a usable XML element name: ${name}`);
  return name;
}

/** The child element name of an array, as open311-adapter's Spark writer derives it. */
const SINGULAR: Record<string, string> = {
  service_requests: 'request',
  service_request_updates: 'request_update',
  service_requests_updates: 'request_update',
};

export function singularOf(container: string): string {
  return SINGULAR[container] ?? (container.endsWith('s') && container.length > 1 ? container.slice(0, -1) : container);
}

/** A number as XML and JSON agree on it: plain decimal notation, never `1e-7` or `NaN`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return escapeXml(value);
}

function writeValue(name: string, value: unknown, out: string[]): void {
  if (value === undefined) return;
  checkName(name);
  if (value === null) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const item = singularOf(name);
    out.push(`<${name}>`);
    for (const entry of value) writeValue(item, entry === undefined ? null : entry, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [key, child] of Object.entries(value)) writeValue(key, child, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(`<${name}>${scalarText(value)}</${name}>`);
  } else {
    throw new Error(`Cannot write ${typeof value} as XML (${name})`);
  }
}

/** One element and its content, without the declaration (for tests and composition). */
export function xmlElement(name: string, value: unknown): string {
  const out: string[] = [];
  writeValue(name, value, out);
  return out.join('');
}

/**
 * A complete Open311 XML document. A list payload becomes `<rootName><itemName>…</itemName>…`
 * (`services` > `service`, `service_requests` > `request`, `errors` > `error`); an object payload
 * (discovery, service definition) becomes `<rootName>…fields…</rootName>` and `itemName` is unused.
 */
export function toOpen311Xml(rootName: string, itemName: string | null, payload: readonly object[] | object): string {
  checkName(rootName);
  const out: string[] = [XML_DECLARATION, '\n'];
  if (Array.isArray(payload)) {
    const item = checkName(itemName ?? singularOf(rootName));
    out.push(`<${rootName}>`);
    for (const entry of payload) writeValue(item, entry, out);
    out.push(`</${rootName}>`);
  } else {
    writeValue(rootName, payload, out);
  }
  out.push('\n');
  return out.join('');
}
