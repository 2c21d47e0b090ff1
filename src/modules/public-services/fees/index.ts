/** Fees (CONTRACT — implemented by the fees folder). */
import { randomBytes } from 'node:crypto';
import type { ProcedureFee } from '../tables.js';

export interface FeeAssessment {
  total: number;
  lines: Array<{ code: string; name: string; amount: number; exemptedBy: string | null }>;
}

/** Amounts from the procedure version, less the exemptions the applicant claims (codes from the fee's own list). */
export function assessFees(fees: ProcedureFee[], exemptionCodes: string[]): FeeAssessment {
  const lines = fees.map((f) => {
    const exemption = f.exemptions.find((e) => exemptionCodes.includes(e.code));
    return { code: f.code, name: f.name, amount: exemption ? 0 : f.amount, exemptedBy: exemption?.code ?? null };
  });
  return { total: lines.reduce((s, l) => s + l.amount, 0), lines };
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A fresh payment reference for a dossier ("TS" + 10 letters and digits, no look-alikes such as 0/O,
 * 1/I): short enough for any bank's transfer description, random so it cannot be guessed from the
 * dossier code. Bank transfers are matched to dossiers by finding it in their description.
 */
export function newPaymentReference(): string {
  const bytes = randomBytes(10);
  let out = 'TS';
  for (const b of bytes) out += REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length];
  return out;
}
