import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import type { Role } from './roles.js';

export const DEMO_EMAIL_DOMAIN = 'demo.tinhso.vn';
/** Printed at start and in the README; demo data only, refused in production. */
export const DEMO_PASSWORD = 'TinhSo@2025';

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  /** Agency code the account belongs to (agency roles only). */
  agencyCode?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `nguoidan@${DEMO_EMAIL_DOMAIN}`, fullName: 'Nguyễn Văn An', role: 'citizen' },
  { email: `doanhnghiep@${DEMO_EMAIL_DOMAIN}`, fullName: 'Công ty TNHH Nông sản Cam Lộ', role: 'business' },
  { email: `canbo@${DEMO_EMAIL_DOMAIN}`, fullName: 'Trần Thị Bình', role: 'officer', agencyCode: 'SXD' },
  { email: `quantri.donvi@${DEMO_EMAIL_DOMAIN}`, fullName: 'Lê Văn Cường', role: 'agency_admin', agencyCode: 'SXD' },
  // Most field reports (lighting, garbage, encroachment, illegal building) go to the commune's People's Committee.
  { email: `canbo.xa@${DEMO_EMAIL_DOMAIN}`, fullName: 'Võ Thị Hạnh', role: 'officer', agencyCode: 'UBND-XA-18880' },
  // Province-level dossiers are received at the provincial Public Administrative Service Centre (một cửa).
  { email: `canbo.motcua@${DEMO_EMAIL_DOMAIN}`, fullName: 'Đặng Văn Khoa', role: 'officer', agencyCode: 'TTPVHCC' },
  { email: `lanhdao@${DEMO_EMAIL_DOMAIN}`, fullName: 'Phạm Minh Đức', role: 'leader', agencyCode: 'UBND' },
  { email: `quantri@${DEMO_EMAIL_DOMAIN}`, fullName: 'Hoàng Thị Em', role: 'system_admin' },
];

export function demoSignIns(): Array<{ role: Role; email: string; password: string }> {
  return DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: DEMO_PASSWORD }));
}

export async function hasDemoAccounts(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  return !!row;
}
