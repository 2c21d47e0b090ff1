/** Test helpers: a procedure and dossiers written straight into the tables (no intake needed). */
import { randomBytes } from 'node:crypto';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { Role } from '../../../platform/identity/roles.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb, type Applicant, type ProcedureComponent, type ProcedureFee, type ProcessStep } from '../tables.js';

export const TEST_APPLICANT: Applicant = { name: 'Nguyễn Thị Hoà', idNumber: '044190000123', phone: '0912345678', email: 'hoa@example.vn', address: 'Số 5 Lý Thường Kiệt, Phường Đồng Hới' };

export const TEST_COMPONENTS: ProcedureComponent[] = [
  { code: 'TK', name: 'Tờ khai đề nghị cấp giấy phép xây dựng', kind: 'original', count: 1, required: true },
  { code: 'GCN', name: 'Giấy chứng nhận quyền sử dụng đất', kind: 'copy', count: 1, required: true },
];

export const TEST_FEES: ProcedureFee[] = [
  { code: 'LP', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000, exemptions: [{ code: 'NCC', name: 'Người có công với cách mạng' }], collectedAt: 'receipt' },
  { code: 'PTD', name: 'Phí thẩm định', amount: 50000, exemptions: [], collectedAt: 'receipt' },
];

export const TEST_PROCESS: ProcessStep[] = [
  { step: 1, name: 'Tiếp nhận hồ sơ', actor: 'receiving', role: 'officer', hours: 4, status: 2 },
  { step: 2, name: 'Thẩm định hồ sơ', actor: 'handling', role: 'officer', hours: 24, status: 4 },
  { step: 3, name: 'Ký duyệt', actor: 'handling', role: 'leader', hours: 8, status: 4 },
];

const suffix = () => randomBytes(4).toString('hex').toUpperCase();

export async function agencyId(ctx: AppContext, code: string): Promise<string> {
  return (await ctx.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** An agency of its own for a test, so tests need no demo data (returns its id). */
export async function createTestAgency(ctx: AppContext, code: string, name: string): Promise<string> {
  const row = await ctx.db
    .insertInto('agencies')
    .values({ code, name, kind: 'department', address: 'Số 2 Hùng Vương, Đồng Hới', phone: '0232 3822 000', search_text: name.toLowerCase() })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestPeople {
  citizen: SignedIn;
  otherCitizen: SignedIn;
  officer: SignedIn;
  agencyAdmin: SignedIn;
  leader: SignedIn;
  outsider: SignedIn;
}

/** Signed-in people of every role the documents and fees routes care about; `outsider` works elsewhere. */
export async function signInTestPeople(app: App, ctx: AppContext, agency: string, otherAgency: string): Promise<TestPeople> {
  const as = async (role: Role, agencyId: string | null = null) => signIn(app, (await createTestUser(ctx, role, { agencyId })).email, TEST_PASSWORD);
  return {
    citizen: await as('citizen'),
    otherCitizen: await as('citizen'),
    officer: await as('officer', agency),
    agencyAdmin: await as('agency_admin', agency),
    leader: await as('leader'),
    outsider: await as('officer', otherAgency),
  };
}

export async function createTestProcedure(ctx: AppContext, agencyCode: string, fees: ProcedureFee[] = TEST_FEES): Promise<{ procedureId: string; versionId: string; code: string }> {
  const db = psDb(ctx.db);
  const code = `TEST.${suffix()}`;
  const agency = await agencyId(ctx, agencyCode);
  const procedure = await db.insertInto('procedures').values({ code }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: procedure.id,
      version: 1,
      state: 'published',
      effective_from: new Date('2025-01-01T00:00:00Z'),
      name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      field: 'Xây dựng',
      level: 'province',
      agency_id: agency,
      subjects: JSON.stringify(['citizen']),
      steps: JSON.stringify([]),
      channels: JSON.stringify(['online', 'counter']),
      components: JSON.stringify(TEST_COMPONENTS),
      time_amount: 15,
      time_unit: 'working_days',
      same_day_cutoff: null,
      fees: JSON.stringify(fees),
      result_type: 'electronic',
      result_name: 'Giấy phép xây dựng',
      legal_basis: JSON.stringify([]),
      online_level: 'full',
      full_online_eligible: true,
      online_payment: true,
      form_schema: JSON.stringify({ type: 'object', properties: {} }),
      process: JSON.stringify(TEST_PROCESS),
      publication: JSON.stringify({}),
      search_text: 'cap giay phep xay dung',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { procedureId: procedure.id, versionId: version.id, code };
}

export interface TestDossierInput {
  procedure: { procedureId: string; versionId: string; code: string };
  status?: number;
  applicantUserId?: string | null;
  receivingAgencyId: string;
  handlingAgencyId?: string | null;
  feeTotal?: number;
  feeStatus?: 'none' | 'unpaid' | 'paid' | 'exempt';
  paymentReference?: string | null;
  receivedAt?: Date;
  dueAt?: Date;
  withCode?: boolean;
}

/** A received dossier (status 2 by default) with a code, two components and a due date. */
export async function insertTestDossier(ctx: AppContext, input: TestDossierInput): Promise<DossierRow> {
  const db = psDb(ctx.db);
  const receivedAt = input.receivedAt ?? new Date('2025-12-02T02:30:00Z');
  const dueAt = input.dueAt ?? new Date('2025-12-23T10:00:00Z');
  const dossier = await db
    .insertInto('dossiers')
    .values({
      code: input.withCode === false ? null : `TST-251202-${suffix()}`,
      procedure_id: input.procedure.procedureId,
      procedure_version_id: input.procedure.versionId,
      procedure_code: input.procedure.code,
      channel: 'online',
      status: input.status ?? 2,
      applicant_kind: 'citizen',
      applicant: JSON.stringify(TEST_APPLICANT),
      form_data: JSON.stringify({}),
      applicant_user_id: input.applicantUserId ?? null,
      submitter_user_id: input.applicantUserId ?? null,
      receiving_agency_id: input.receivingAgencyId,
      handling_agency_id: input.handlingAgencyId ?? input.receivingAgencyId,
      submitted_at: new Date(receivedAt.getTime() - 3_600_000),
      received_at: receivedAt,
      due_at: dueAt,
      due_explanation: JSON.stringify({ vi: '15 ngày làm việc kể từ ngày tiếp nhận, không kể thứ Bảy, Chủ nhật và ngày lễ.', en: '15 working days from receipt.' }),
      fee_total: input.feeTotal ?? 0,
      fee_status: input.feeStatus ?? 'none',
      payment_reference: input.paymentReference ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dossier_components')
    .values([
      { dossier_id: dossier.id, component_code: 'TK', kind: 'electronic' },
      { dossier_id: dossier.id, component_code: 'GCN', kind: 'copy' },
      { dossier_id: dossier.id, component_code: 'GCN', kind: 'copy' },
    ])
    .execute();
  return dossier;
}
