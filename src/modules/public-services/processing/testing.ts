/**
 * Fixtures for the processing tests: a published procedure version and dossiers already received,
 * written straight to the tables so these tests do not depend on intake. Not used by the app.
 */
import type { Insertable } from 'kysely';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { Principal } from '../../../platform/http/access.js';
import type { Role } from '../../../platform/identity/roles.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import type { Caller } from './command.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb, type DossierTable, type ProcedureComponent } from '../tables.js';

export interface TestProcedure {
  procedureId: string;
  versionId: string;
  code: string;
}

export const TEST_COMPONENTS: ProcedureComponent[] = [
  { code: 'TK01', name: 'Tờ khai đề nghị', kind: 'original', count: 1, required: true },
  { code: 'BV02', name: 'Bản vẽ thiết kế', kind: 'copy', count: 1, required: true },
];

/** A published provincial procedure handled by `agencyId`, in force since 2020. */
export async function seedProcedure(ctx: AppContext, agencyId: string, code = `TEST.${Math.random().toString(36).slice(2, 8).toUpperCase()}`): Promise<TestProcedure> {
  const db = psDb(ctx.db);
  const procedure = await db.insertInto('procedures').values({ code }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: procedure.id,
      version: 1,
      state: 'published',
      effective_from: new Date('2020-01-01T00:00:00+07:00'),
      effective_to: null,
      published_at: new Date('2020-01-01T00:00:00+07:00'),
      published_by: null,
      name: `Cấp giấy phép xây dựng thử nghiệm ${code}`,
      name_en: 'Test building permit',
      field: 'Hoạt động xây dựng',
      level: 'province',
      agency_id: agencyId,
      subjects: JSON.stringify(['citizen', 'business']),
      steps: JSON.stringify(['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả']),
      channels: JSON.stringify(['counter', 'online']),
      components: JSON.stringify(TEST_COMPONENTS),
      time_amount: 15,
      time_unit: 'working_days',
      same_day_cutoff: null,
      fees: JSON.stringify([{ code: 'LP', name: 'Lệ phí cấp phép', amount: 150000, exemptions: [], collectedAt: 'receipt' }]),
      result_type: 'both',
      result_name: 'Giấy phép xây dựng',
      legal_basis: JSON.stringify(['Luật Xây dựng 2014']),
      online_level: 'full',
      full_online_eligible: true,
      online_payment: true,
      form_schema: JSON.stringify({ type: 'object', properties: {} }),
      process: JSON.stringify([]),
      publication: JSON.stringify({}),
      search_text: `cap giay phep xay dung thu nghiem ${code.toLowerCase()}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { procedureId: procedure.id, versionId: version.id, code };
}

export interface DossierSeed {
  agencyId: string;
  receivingAgencyId?: string;
  applicantUserId?: string | null;
  status?: number;
  receivedAt?: Date;
  dueAt?: Date | null;
  stepDueAt?: Date | null;
  assigneeId?: string | null;
  feeTotal?: number;
  feeStatus?: 'none' | 'unpaid' | 'paid' | 'exempt';
  applicantName?: string;
  extra?: Partial<Insertable<DossierTable>>;
}

let sequence = 0;

/** A received dossier (status 4 by default) with its code, due date and the receipt on its trail. */
export async function seedDossier(ctx: AppContext, procedure: TestProcedure, seed: DossierSeed): Promise<DossierRow> {
  const db = psDb(ctx.db);
  const receivedAt = seed.receivedAt ?? new Date(Date.now() - 2 * 86_400_000);
  sequence += 1;
  const code = `TEST-${Date.now().toString(36).toUpperCase()}-${String(sequence).padStart(4, '0')}`;
  const status = seed.status ?? 4;
  const row = await db
    .insertInto('dossiers')
    .values({
      code,
      code_format_version: 1,
      procedure_id: procedure.procedureId,
      procedure_version_id: procedure.versionId,
      procedure_code: procedure.code,
      channel: 'online',
      status,
      sub_state: null,
      applicant_kind: 'citizen',
      applicant: JSON.stringify({ name: seed.applicantName ?? 'Nguyễn Thị Thử', idNumber: '044190000001', phone: '0912345678', email: 'thu@example.vn', address: 'Đồng Hới, Quảng Trị' }),
      applicant_user_id: seed.applicantUserId ?? null,
      submitter_user_id: seed.applicantUserId ?? null,
      form_data: JSON.stringify({}),
      receiving_agency_id: seed.receivingAgencyId ?? seed.agencyId,
      handling_agency_id: seed.agencyId,
      assignee_id: seed.assigneeId ?? null,
      current_step: 1,
      step_due_at: seed.stepDueAt ?? null,
      submitted_at: receivedAt,
      received_at: status >= 2 ? receivedAt : null,
      due_at: seed.dueAt === undefined ? new Date(receivedAt.getTime() + 21 * 86_400_000) : seed.dueAt,
      due_calendar_version: null,
      due_explanation: JSON.stringify({ vi: '15 ngày làm việc kể từ ngày tiếp nhận.', en: '15 working days from receipt.' }),
      fee_total: seed.feeTotal ?? 0,
      fee_status: seed.feeStatus ?? 'none',
      ...seed.extra,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dossier_events')
    .values({ dossier_id: row.id, at: receivedAt, action: 'receive', from_status: 1, to_status: status, actor_user_id: null, actor_label: 'test', agency_id: seed.receivingAgencyId ?? seed.agencyId, data: JSON.stringify({}) })
    .execute();
  return row;
}

/** A platform without demo data, with the SXD and STP agencies and a procedure handled by SXD. */
export async function openProcessingPlatform(): Promise<{ t: TestPlatform; sxd: string; stp: string; procedure: TestProcedure }> {
  const t = await createTestPlatform({ seedDemo: false });
  const sxd = await agencyIdOf(t.ctx, 'SXD');
  const stp = await agencyIdOf(t.ctx, 'STP');
  return { t, sxd, stp, procedure: await seedProcedure(t.ctx, sxd) };
}

/** A signed-in test account (no demo data: these tests stand on their own). */
export async function account(t: { app: App; ctx: AppContext }, role: Role, agencyId: string | null = null): Promise<SignedIn> {
  return signIn(t.app, (await createTestUser(t.ctx, role, { agencyId })).email, TEST_PASSWORD);
}

/** The caller a route would build for a signed-in user, for calling commands with a fixed `at`. */
export async function callerForUser(ctx: AppContext, userId: string): Promise<Caller> {
  const u = await ctx.db.selectFrom('users').select(['id', 'email', 'full_name', 'role', 'agency_id']).where('id', '=', userId).executeTakeFirstOrThrow();
  const principal: Principal = { kind: 'user', id: u.id, email: u.email, fullName: u.full_name, role: u.role, agencyId: u.agency_id, sessionId: 'test', csrfToken: 'test' };
  return { principal, actor: { userId: u.id, label: u.email, agencyId: u.agency_id } };
}

/** The id of an agency by its code, created (as a department) when the database has no demo agencies. */
export async function agencyIdOf(ctx: AppContext, code: string): Promise<string> {
  const found = await ctx.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (found) return found.id;
  const name = `Cơ quan thử ${code}`;
  const created = await ctx.db.insertInto('agencies').values({ code, name, kind: 'department', search_text: name.toLowerCase() }).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/** A multipart/form-data body: text fields, and files under the given field names. */
export function multipartBody(fields: Record<string, string>, files: Array<{ field: string; name: string; data: Buffer; type: string }>): { payload: Buffer; contentType: string } {
  const boundary = '----processing-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small but well-formed one-page PDF, different for each `text`. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
