import { formatNumber } from '../../lib/format.js';
import type { Decimal } from '../types.js';

/** Money in đồng, as Vietnamese write it whatever the UI language: "50.000 đ". */
export function formatMoney(value: Decimal | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? `${formatNumber(Math.round(n))} đ` : String(value);
}

/** A time limit amount without trailing zeros ("15", "0,5"). */
export function formatAmount(value: Decimal): string {
  const n = Number(value);
  return Number.isFinite(n) ? formatNumber(n) : String(value);
}
