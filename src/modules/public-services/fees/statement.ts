import { errors } from '../../../platform/http/errors.js';
import { VIETNAM_UTC_OFFSET_HOURS } from '../../../platform/calendar/civil-date.js';

/** One line of a bank statement (sao kê): an incoming transfer to the fee account. */
export interface StatementLine {
  bankRef: string;
  amount: number;
  description: string;
  receivedAt: Date;
}

export const CSV_COLUMNS = ['bank_ref', 'amount', 'description', 'received_at'] as const;

/** RFC 4180 rows: fields may be quoted, quotes doubled inside, commas and line breaks inside quotes. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endField();
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO 8601, or dd/mm/yyyy [HH:mm[:ss]] read as Vietnam time (how Vietnamese banks print statements). */
export function parseReceivedAt(text: string): Date | null {
  const m = DMY.exec(text.trim());
  if (m) {
    const [, d, mo, y, h = '0', mi = '0', s = '0'] = m;
    const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    // Date.UTC rolls 31/02 over into March; a date that does not come back the same is not a date.
    if (local.getUTCDate() !== Number(d) || local.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
    return new Date(local.getTime() - VIETNAM_UTC_OFFSET_HOURS * 3_600_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole đồng: "125000", "125.000", "125,000" and "125 000" all read as 125000. */
export function parseAmount(value: string | number): number | null {
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[\s.,]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function invalidLine(line: number, vi: string, en: string) {
  return errors.badRequest('invalid_statement', `Dòng ${line} của sao kê không hợp lệ: ${vi}`, `Line ${line} of the statement is not valid: ${en}`, [
    { field: `body[${line}]`, message: { vi, en } },
  ]);
}

export interface RawLine {
  bank_ref?: unknown;
  amount?: unknown;
  description?: unknown;
  received_at?: unknown;
}

/** Checks one line (numbered from 1 for messages) and turns it into a StatementLine. */
export function statementLine(raw: RawLine, line: number): StatementLine {
  const bankRef = typeof raw.bank_ref === 'string' ? raw.bank_ref.trim() : '';
  if (!bankRef || bankRef.length > 100) throw invalidLine(line, 'thiếu mã giao dịch (bank_ref).', 'bank_ref is missing.');
  const amount = typeof raw.amount === 'string' || typeof raw.amount === 'number' ? parseAmount(raw.amount) : null;
  if (amount === null) throw invalidLine(line, 'số tiền (amount) phải là số nguyên dương.', 'amount must be a positive whole number.');
  const description = typeof raw.description === 'string' ? raw.description.slice(0, 500) : '';
  const receivedAt = typeof raw.received_at === 'string' ? parseReceivedAt(raw.received_at) : null;
  if (!receivedAt) throw invalidLine(line, 'thời gian nhận (received_at) phải là ISO 8601 hoặc dd/mm/yyyy HH:mm.', 'received_at must be ISO 8601 or dd/mm/yyyy HH:mm.');
  return { bankRef, amount, description, receivedAt };
}

/** A CSV statement with a header row naming at least the four columns, in any order. */
export function parseStatementCsv(text: string): StatementLine[] {
  const [header, ...rows] = csvRows(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    throw errors.badRequest('invalid_statement', `Sao kê thiếu cột: ${missing.join(', ')}.`, `The statement lacks the columns: ${missing.join(', ')}.`);
  }
  return rows.map((cells, i) => statementLine(Object.fromEntries(names.map((n, j) => [n, cells[j] ?? ''])) as RawLine, i + 1));
}

// "TS" and ten of the reference alphabet (no 0, 1, I, O), as `newPaymentReference` makes them.
const REFERENCE = /^TS[A-HJ-NP-Z2-9]{10}$/;

/**
 * Payment references a transfer description may carry. Banks and payers add spaces, dashes or
 * change case ("ts abcd-efgh jk"), so the description is upper-cased and stripped to letters and
 * digits first; every window that looks like a reference is a candidate, checked against the dossiers.
 */
export function referenceCandidates(description: string): string[] {
  const compact = description
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const found = new Set<string>();
  for (let i = 0; i + 12 <= compact.length; i++) {
    const window = compact.slice(i, i + 12);
    if (REFERENCE.test(window)) found.add(window);
  }
  return [...found];
}
