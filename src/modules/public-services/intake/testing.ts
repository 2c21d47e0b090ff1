/** Test helpers for intake: a published procedure written straight into the catalog tables, files, requests. */
import { randomBytes } from 'node:crypto';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { Role } from '../../../platform/identity/roles.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { psDb, type ApplicantKind, type ProcedureComponent, type ProcedureFee, type ProcedureLevel, type ProcessStep, type TimeUnit } from '../tables.js';

export const COMPONENTS: ProcedureComponent[] = [
  { code: 'TK', name: 'Tờ khai đề nghị', kind: 'original', count: 1, required: true },
  { code: 'CCCD', name: 'Bản sao căn cước', kind: 'copy', count: 1, required: true },
  { code: 'KHAC', name: 'Giấy tờ khác (nếu có)', kind: 'copy', count: 1, required: false },
];

export const FEES: ProcedureFee[] = [{ code: 'LP', name: 'Lệ phí', amount: 50000, exemptions: [{ code: 'HN', name: 'Hộ nghèo' }], collectedAt: 'receipt' }];

export const PROCESS: ProcessStep[] = [
  { step: 1, name: 'Tiếp nhận', actor: 'receiving', role: 'officer', hours: 4, status: 2 },
  { step: 2, name: 'Thẩm định', actor: 'handling', role: 'officer', hours: 16, status: 4 },
];

export const FORM_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['purpose', 'copies'],
  properties: {
    purpose: { type: 'string', minLength: 5, title: 'Mục đích' },
    copies: { type: 'integer', minimum: 1, maximum: 10 },
    birthDate: { type: 'string', format: 'date' },
  },
  additionalProperties: false,
};

export interface TestProcedureOptions {
  level?: ProcedureLevel;
  agencyCode?: string;
  components?: ProcedureComponent[];
  fees?: ProcedureFee[];
  process?: ProcessStep[];
  formSchema?: Record<string, unknown>;
  subjects?: ApplicantKind[];
  timeAmount?: number;
  timeUnit?: TimeUnit;
  onlineLevel?: 'full' | 'partial' | 'none';
}

/** A published procedure in force since 2025, with a fresh code. */
export async function insertProcedure(ctx: AppContext, o: TestProcedureOptions = {}): Promise<{ code: string; versionId: string }> {
  const db = psDb(ctx.db);
  const code = `9.${randomBytes(3).toString('hex')}`;
  const level = o.level ?? 'province';
  const agencyId = level === 'province' ? await agencyByCode(ctx, o.agencyCode ?? 'SXD') : null;
  const procedure = await db.insertInto('procedures').values({ code }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: procedure.id,
      version: 1,
      state: 'published',
      effective_from: new Date('2025-01-01T00:00:00Z'),
      name: 'Thủ tục thử nghiệm tiếp nhận',
      field: 'Thử nghiệm',
      level,
      agency_id: agencyId,
      subjects: JSON.stringify(o.subjects ?? ['citizen', 'business']),
      steps: JSON.stringify([]),
      channels: JSON.stringify(['online', 'counter', 'post']),
      components: JSON.stringify(o.components ?? COMPONENTS),
      time_amount: o.timeAmount ?? 5,
      time_unit: o.timeUnit ?? 'working_days',
      same_day_cutoff: null,
      fees: JSON.stringify(o.fees ?? FEES),
      result_type: 'electronic',
      result_name: 'Kết quả thử nghiệm',
      legal_basis: JSON.stringify([]),
      online_level: o.onlineLevel ?? 'full',
      full_online_eligible: true,
      online_payment: true,
      form_schema: JSON.stringify(o.formSchema ?? FORM_SCHEMA),
      process: JSON.stringify(o.process ?? PROCESS),
      publication: JSON.stringify({}),
      search_text: 'thu tuc thu nghiem tiep nhan',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { code, versionId: version.id };
}

/**
 * The agency with this code, created when missing (the tests run without demo data): `TTPVHCC` is
 * the provincial service centre, `UBND-XA-<commune>` a commune People's Committee, anything else a
 * department.
 */
export async function agencyByCode(ctx: AppContext, code: string): Promise<string> {
  const found = await ctx.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (found) return found.id;
  const commune = /^UBND-XA-(\d{5})$/.exec(code)?.[1] ?? null;
  const kind = code === 'TTPVHCC' ? 'public_service_unit' : commune ? 'commune_committee' : 'department';
  const name = `Cơ quan thử ${code}`;
  const created = await ctx.db.insertInto('agencies').values({ code, name, kind, admin_unit_code: commune, search_text: name.toLowerCase() }).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/** A new signed-in account (the tests stand on their own accounts, not on demo data). */
export async function account(app: App, ctx: AppContext, role: Role, agencyCode?: string): Promise<SignedIn> {
  const agencyId = agencyCode ? await agencyByCode(ctx, agencyCode) : null;
  const user = await createTestUser(ctx, role, { agencyId });
  return signIn(app, user.email, TEST_PASSWORD);
}

/** A signed-in officer (or agency admin) of the agency with this code. */
export function staffOf(app: App, ctx: AppContext, agencyCode: string, role: 'officer' | 'agency_admin' = 'officer'): Promise<SignedIn> {
  return account(app, ctx, role, agencyCode);
}

export function newCitizen(app: App, ctx: AppContext): Promise<SignedIn> {
  return account(app, ctx, 'citizen');
}

/** The smallest file `file-type` recognises as a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A Windows executable: the "MZ" header and the PE signature where the header points. */
export function exe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** A multipart body with a component code and one file. */
export function componentUpload(componentCode: string, file: Buffer, filename: string, headers: Record<string, string>) {
  const boundary = '----tinhso-intake';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="componentCode"\r\n\r\n${componentCode}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const APPLICANT = { name: 'Trần Thị Mai', idNumber: '044190001234', phone: '0912345678', email: 'mai@example.vn', address: 'Phường Đồng Hới, Quảng Trị' };
export const FORM = { purpose: 'Xin cấp bản sao để nộp hồ sơ học', copies: 2 };

/** A counter intake (tiếp nhận trực tiếp) body for an `insertProcedure` procedure: the declaration scanned, the identity copy scanned only when `copyScanned`. */
export function counterBody(procedureCode: string, extra: Record<string, unknown> = {}, copyScanned = false): Record<string, unknown> {
  return {
    procedureCode,
    channel: 'counter',
    applicantKind: 'citizen',
    applicant: { name: APPLICANT.name, idNumber: APPLICANT.idNumber, address: APPLICANT.address },
    formData: FORM,
    components: [
      { componentCode: 'TK', kind: 'original', digitised: true },
      { componentCode: 'CCCD', kind: 'copy', digitised: copyScanned },
    ],
    ...extra,
  };
}
