import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AuditTrail, AuditEntry } from '../audit/audit-trail.js';
import { errors } from '../http/errors.js';
import { toSearchText } from '../search/search-text.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { AGENCY_ROLES, type Role } from './roles.js';
import { presentUser, USER_COLUMNS, type UserView } from './schemas.js';

export interface NewUser {
  email: string;
  fullName: string;
  role: Role;
  password?: string | undefined;
  phone?: string | null | undefined;
  agencyId?: string | null | undefined;
}

/** Creates an account of any role (admins and the CLI); agency roles must name an existing agency. */
export async function createUser(
  trx: Transaction<Database>,
  audit: AuditTrail,
  input: NewUser,
  actor: AuditEntry['actor'],
  auditFields: Pick<AuditEntry, 'ip' | 'requestId'> & { action?: string } = {},
): Promise<UserView> {
  const email = input.email.toLowerCase();
  if (input.password) {
    const weak = passwordProblem(input.password, email);
    if (weak) throw errors.badRequest('weak_password', weak.vi, weak.en, [{ field: 'body.password', message: weak }]);
  }
  await assertAgencyFitsRole(trx, input.role, input.agencyId ?? null);
  const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw errors.conflict('email_taken', 'Email này đã được đăng ký.', 'This email is already registered.');
  const row = await trx
    .insertInto('users')
    .values({
      email,
      full_name: input.fullName,
      phone: input.phone ?? null,
      password_hash: input.password ? await hashPassword(input.password) : null,
      role: input.role,
      agency_id: input.agencyId ?? null,
      oidc_subject: null,
      locked_until: null,
      search_text: toSearchText(input.fullName, email),
    })
    .returning([...USER_COLUMNS])
    .executeTakeFirstOrThrow();
  await audit.record(trx, {
    actor,
    ip: auditFields.ip ?? null,
    requestId: auditFields.requestId ?? null,
    action: auditFields.action ?? 'user.create',
    targetType: 'user',
    targetId: row.id,
    subjectUserId: row.id,
    details: { role: row.role, agencyId: row.agency_id },
  });
  return presentUser(row);
}

/** Officers and agency admins act for an agency, so they need one that exists. */
export async function assertAgencyFitsRole(trx: Transaction<Database>, role: Role, agencyId: string | null): Promise<void> {
  if (AGENCY_ROLES.includes(role) && !agencyId) {
    throw errors.badRequest('agency_required', 'Vai trò này cần thuộc một cơ quan.', 'This role must belong to an agency.', [
      { field: 'body.agencyId', message: { vi: 'Chọn cơ quan.', en: 'Choose an agency.' } },
    ]);
  }
  if (!agencyId) return;
  const agency = await trx.selectFrom('agencies' as never).select('id' as never).where('id' as never, '=', agencyId as never).executeTakeFirst();
  if (!agency) {
    throw errors.badRequest('agency_not_found', 'Không tìm thấy cơ quan.', 'The agency does not exist.', [
      { field: 'body.agencyId', message: { vi: 'Cơ quan không tồn tại.', en: 'No such agency.' } },
    ]);
  }
}
