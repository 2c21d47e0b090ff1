import QRCode from 'qrcode';
import { Banks, QRPay } from 'vietnam-qr-pay';
import type { PaymentConfig } from '../../../platform/config/config.js';

export interface VietQr {
  /** The EMVCo payload any Vietnamese banking app reads (VietQR, NAPAS 247). */
  content: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  /** The transfer description: the payment reference the reconciliation looks for. */
  purpose: string;
  /** The QR code as an SVG document, ready to show. */
  qrSvg: string;
  /** True when the demo account (which must never receive money) is shown. */
  demo: boolean;
}

/** What the payer writes as the description; plain ASCII so no bank strips or mangles it. */
export function transferPurpose(reference: string): string {
  return `${reference} NOP PHI`;
}

export function bankName(bin: string): string {
  const bank = Banks.find((b) => b.bin === bin);
  return bank ? `${bank.shortName} - ${bank.name}` : bin;
}

/** A dynamic VietQR for exactly the amount due, encoded by `vietnam-qr-pay` (EMVCo with CRC). */
export async function buildVietQr(account: PaymentConfig, amount: number, reference: string): Promise<VietQr> {
  const purpose = transferPurpose(reference);
  const content = QRPay.initVietQR({ bankBin: account.bankBin, bankNumber: account.accountNumber, amount: String(amount), purpose }).build();
  const qrSvg = await QRCode.toString(content, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    content,
    bankBin: account.bankBin,
    bankName: bankName(account.bankBin),
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    purpose,
    qrSvg,
    demo: account.demoAccount,
  };
}
