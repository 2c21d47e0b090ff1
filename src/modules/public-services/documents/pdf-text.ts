/**
 * Reads back what our PDFs say, for tests: the document information (Title, Subject, Keywords) and
 * the text drawn on the pages. The generator writes uncompressed streams with embedded fonts, whose
 * text is glyph ids; each font's ToUnicode map turns them back into characters.
 */

function literalString(src: string, start: number): string {
  // `start` is just after "("; PDF literal strings escape \ ( ) and allow nested balanced parentheses.
  let out = '';
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      const next = src[++i]!;
      if (/[0-7]/.test(next)) {
        const oct = src.slice(i, i + 3).match(/^[0-7]{1,3}/)![0];
        out += String.fromCharCode(parseInt(oct, 8));
        i += oct.length - 1;
      } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) break;
    out += ch;
  }
  return out;
}

function decodePdfString(raw: string): string {
  if (raw.startsWith('\u00fe\u00ff')) {
    let s = '';
    for (let i = 2; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return s;
  }
  return raw;
}

function objectBody(src: string, id: string): string {
  const start = src.indexOf(`\n${id} 0 obj`);
  if (start < 0) return '';
  return src.slice(start, src.indexOf('endobj', start));
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const src = pdf.toString('latin1');
  const info: Record<string, string> = {};
  for (const key of ['Title', 'Subject', 'Keywords', 'Author', 'Creator']) {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(src);
    if (!m) continue;
    const body = objectBody(src, m[1]!);
    const open = body.indexOf('(');
    if (open >= 0) info[key] = decodePdfString(literalString(body, open + 1));
  }
  return info;
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  // A ligature maps one glyph to several characters: <0066 0066 0069> is "ffi".
  const chars = (h: string) => String.fromCharCode(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = hex(m[1]!);
      const hi = hex(m[2]!);
      if (m[3]!.startsWith('[')) [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, chars(d[1]!)));
      else for (let g = lo; g <= hi; g++) map.set(g, String.fromCharCode(hex(m[3]!.slice(1, -1)) + (g - lo)));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(m[1]!), chars(m[2]!));
  }
  return map;
}

/** The text of every page, one shown string after another (words within a line may be split). */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  // Font resource name (/F1) → its ToUnicode map, through the font dictionaries.
  const fonts = new Map<string, Map<number, string>>();
  for (const m of src.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(m[1]!)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objectBody(src, m[2]!));
    if (toUnicode) fonts.set(m[1]!, parseToUnicode(objectBody(src, toUnicode[1]!)));
  }
  let out = '';
  let font: Map<number, string> | undefined;
  for (const m of src.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (m[1]) {
      font = fonts.get(m[1]);
      continue;
    }
    for (const h of m[2]!.matchAll(/<([0-9a-fA-F]*)> *(-?[\d.]*)/g)) {
      for (const g of h[1]!.match(/.{4}/g) ?? []) out += font?.get(parseInt(g, 16)) ?? '';
      // A large negative offset is a space the layout widened into a gap (justified text); small positive ones are kerning.
      if (h[2] && Number(h[2]) < -200) out += ' ';
    }
    out += '\n';
  }
  return out;
}
