/**
 * An ASCII key whose plain byte order (`collate "C"`) is Vietnamese alphabetical order, so the
 * database can sort and page the catalog the way `compareVietnamese` (ICU "vi") does, on PGlite too
 * (it has no ICU collations).
 *
 * Layout: primary units (letters in the Vietnamese alphabet a ă â b c d đ e ê … , digit runs by
 * numeric value, spaces and punctuation below digits), then "!" and one tone digit per letter
 * (ngang, huyền, hỏi, ngã, sắc, nặng), then "!" and one case digit per letter (lower first).
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Primary codes start at "A" (0x41), above digits, so letters sort after numbers as in ICU.
const LETTER_CODE = new Map([...ALPHABET].map((ch, i) => [ch, String.fromCharCode(0x41 + i)]));
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
// Vowel modifiers that make a distinct letter: breve (ă), circumflex (â ê ô), horn (ơ ư).
const MODIFIERS = new Set(['\u0306', '\u0302', '\u031B']);
const SPACE = '"';
const PUNCTUATION = '#';
const SEPARATOR = '!';

interface Cluster {
  base: string;
  marks: string[];
}

function clusters(text: string): Cluster[] {
  const out: Cluster[] = [];
  for (const ch of text.normalize('NFD')) {
    const last = out[out.length - 1];
    if (/\p{M}/u.test(ch) && last) last.marks.push(ch);
    else out.push({ base: ch, marks: [] });
  }
  return out;
}

function letterOf(c: Cluster): string {
  const modifier = c.marks.find((m) => MODIFIERS.has(m));
  const composed = modifier ? (c.base.toLowerCase() + modifier).normalize('NFC') : c.base.toLowerCase();
  return composed;
}

export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  let cases = '';
  const parts = clusters(text.trim().replace(/\s+/g, ' '));
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i]!;
    if (/[0-9]/.test(c.base)) {
      let run = '';
      while (i < parts.length && /[0-9]/.test(parts[i]!.base)) run += parts[i++]!.base;
      i--;
      const digits = run.replace(/^0+(?=\d)/, '');
      // Length first, so 2 < 10 (ICU's numeric collation, as `compareVietnamese` uses).
      primary += String.fromCharCode(0x30 + Math.min(digits.length, 9)) + digits;
      continue;
    }
    const letter = letterOf(c);
    const code = LETTER_CODE.get(letter);
    if (code) {
      primary += code;
      tones += String(c.marks.map((m) => TONES[m] ?? 0).find((t) => t > 0) ?? 0);
      cases += c.base === c.base.toLowerCase() ? '0' : '1';
    } else if (c.base === ' ') {
      primary += SPACE;
    } else if (/\p{L}/u.test(c.base)) {
      // Letters outside the Vietnamese alphabet: after it, by code point.
      primary += `~${c.base.toLowerCase().codePointAt(0)!.toString(16).padStart(5, '0')}`;
    } else {
      primary += PUNCTUATION;
    }
  }
  return `${primary}${SEPARATOR}${tones}${SEPARATOR}${cases}`;
}
