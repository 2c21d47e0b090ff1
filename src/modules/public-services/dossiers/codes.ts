import { sql } from 'kysely';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import type { PsTrx } from '../tables.js';

/**
 * Dossier codes (mã hồ sơ): the receiving agency's identifier, the Vietnam date of receipt and the
 * day's sequence number, in the format in force on that day (Circular 01/2018/TT-VPCP by default;
 * the formats are versioned because Circular 03/2025/TT-VPCP may change them).
 */
export interface CodeParts {
  agency: string;
  /** The Vietnam date of receipt, YYYY-MM-DD. */
  day: string;
  seq: number;
}

export interface DossierCode {
  code: string;
  formatVersion: number;
  seq: number;
}

const TOKEN = /\{(agency|yyMMdd|yyyyMMdd|seq(\d{1,2})?)\}/g;

/** Fills a pattern such as `{agency}-{yyMMdd}-{seq4}`; `{seqN}` pads to N digits (never truncates). */
export function formatDossierCode(pattern: string, parts: CodeParts): string {
  const [yyyy, mm, dd] = parts.day.split('-') as [string, string, string];
  return pattern.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'agency') return parts.agency;
    if (token === 'yyMMdd') return `${yyyy.slice(2)}${mm}${dd}`;
    if (token === 'yyyyMMdd') return `${yyyy}${mm}${dd}`;
    return String(parts.seq).padStart(Number(width ?? 1), '0');
  });
}

/**
 * Takes the next code for a receipt, inside the receipt's transaction. The upsert locks the
 * (agency, day) row until commit, so concurrent receipts queue behind it and take distinct numbers;
 * a rolled-back receipt takes its increment back with it, so the day's numbers stay contiguous.
 */
export async function nextDossierCode(trx: PsTrx, agencyCode: string, at: Date): Promise<DossierCode> {
  const day = todayInVietnam(at);
  const format = await trx
    .selectFrom('dossier_code_formats')
    .select(['version', 'pattern'])
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!format) throw new Error(`No dossier code format in force on ${day}`);
  const { rows } = await sql<{ last_seq: number }>`
    insert into dossier_code_sequences (agency_code, day, last_seq) values (${agencyCode}, ${day}, 1)
    on conflict (agency_code, day) do update set last_seq = dossier_code_sequences.last_seq + 1
    returning last_seq`.execute(trx);
  const seq = Number(rows[0]!.last_seq);
  return { code: formatDossierCode(format.pattern, { agency: agencyCode, day, seq }), formatVersion: format.version, seq };
}
