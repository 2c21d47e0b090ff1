/**
 * Test data for the tracking and deadline tests: a published procedure version and dossiers
 * inserted directly, so these tests depend on no other folder's commands.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { agencySearchText } from '../../../platform/agencies/search.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { Role } from '../../../platform/identity/roles.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import type { DossierRow } from '../dossiers/transition.js';
import type { Applicant, DossierTable, PsDb, TimeUnit } from '../tables.js';

export interface TestAgency {
  id: string;
  code: string;
  name: string;
}

/** An agency of its own for the test (the bare database has none), with a contact phone. */
export async function insertAgency(db: PsDb, name = 'Sở Xây dựng (thử)'): Promise<TestAgency> {
  const code = `T${randomUUID().slice(0, 6).toUpperCase()}`;
  const row = await db
    .insertInto('agencies')
    .values({ code, name, name_en: 'Department of Construction (test)', kind: 'department', parent_id: null, admin_unit_code: null, address: null, phone: '0232 3822 000', email: null, search_text: agencySearchText({ code, name }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code, name };
}

/** A new account of the role (in the agency for staff), signed in. */
export async function signedInUser(app: App, ctx: AppContext, role: Role, agencyId: string | null = null): Promise<SignedIn> {
  const user = await createTestUser(ctx, role, { agencyId });
  return signIn(app, user.email, TEST_PASSWORD);
}

export interface TestProcedure {
  procedureId: string;
  versionId: string;
  code: string;
  name: string;
}

export async function insertProcedure(db: PsDb, agencyId: string, options: { timeAmount?: number; timeUnit?: TimeUnit } = {}): Promise<TestProcedure> {
  const code = `TEST.${randomUUID().slice(0, 8)}`;
  const name = 'Cấp giấy phép xây dựng nhà ở riêng lẻ (thử)';
  const procedure = await db.insertInto('procedures').values({ code }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: procedure.id,
      version: 1,
      state: 'published',
      effective_from: new Date('2020-01-01T00:00:00Z'),
      effective_to: null,
      published_at: new Date('2020-01-01T00:00:00Z'),
      published_by: null,
      name,
      name_en: 'Building permit for a private house (test)',
      field: 'Xây dựng',
      level: 'province',
      agency_id: agencyId,
      subjects: JSON.stringify(['citizen']),
      steps: JSON.stringify([]),
      channels: JSON.stringify(['online', 'counter']),
      components: JSON.stringify([]),
      time_amount: options.timeAmount ?? 15,
      time_unit: options.timeUnit ?? 'working_days',
      same_day_cutoff: null,
      fees: JSON.stringify([]),
      result_type: 'electronic',
      result_name: 'Giấy phép xây dựng',
      legal_basis: JSON.stringify([]),
      online_level: 'full',
      full_online_eligible: true,
      online_payment: true,
      form_schema: JSON.stringify({ type: 'object', properties: {} }),
      process: JSON.stringify([]),
      publication: JSON.stringify({}),
      search_text: 'cap giay phep xay dung',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { procedureId: procedure.id, versionId: version.id, code, name };
}

/** Personal data every test checks never leaks into public output. */
export const SECRET_APPLICANT: Applicant = {
  name: 'Nguyễn Thị Bímật',
  idNumber: '044190000123',
  phone: '0912 345 678',
  email: 'bimat.nguoidan@example.vn',
  address: '12 Đường Bímật, Phường Đồng Hới',
};

export const SECRET_FORM_DATA = { landParcel: 'Thửa số 987654', purpose: 'Ghichu-bimat-xyz' };

let sequence = 0;

/** A received dossier of the procedure, with the secret applicant, overridable column by column. */
export async function insertDossier(db: PsDb, procedure: TestProcedure, agencyId: string, fields: Partial<Insertable<DossierTable>> = {}): Promise<DossierRow> {
  sequence++;
  const code = `SXD-261202-${String(sequence).padStart(4, '0')}-${randomUUID().slice(0, 4).toUpperCase()}`;
  return db
    .insertInto('dossiers')
    .values({
      code,
      procedure_id: procedure.procedureId,
      procedure_version_id: procedure.versionId,
      procedure_code: procedure.code,
      channel: 'online',
      status: 4,
      applicant_kind: 'citizen',
      applicant: JSON.stringify(SECRET_APPLICANT),
      form_data: JSON.stringify(SECRET_FORM_DATA),
      receiving_agency_id: agencyId,
      handling_agency_id: agencyId,
      submitted_at: new Date('2026-11-20T02:00:00Z'),
      received_at: new Date('2026-11-20T03:00:00Z'),
      due_at: new Date('2026-12-11T03:00:00Z'),
      due_calendar_version: 1,
      due_explanation: JSON.stringify({ vi: '15 ngày làm việc', en: '15 working days' }),
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
