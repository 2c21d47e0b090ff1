import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';
import { errors } from '../http/errors.js';
import { toSearchText } from '../search/search-text.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { presentUser, USER_COLUMNS, type RegisterBody, type UserView } from './schemas.js';

/** Self-registration: only citizen and business accounts; staff accounts are created by admins. */
export async function registerAccount(
  trx: Transaction<Database>,
  ctx: AppContext,
  body: Static<typeof RegisterBody>,
  request: FastifyRequest,
): Promise<UserView> {
  const email = body.email.toLowerCase();
  const weak = passwordProblem(body.password, email);
  if (weak) throw errors.badRequest('weak_password', weak.vi, weak.en, [{ field: 'body.password', message: weak }]);
  const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw errors.conflict('email_taken', 'Email này đã được đăng ký.', 'This email is already registered.');
  const row = await trx
    .insertInto('users')
    .values({
      email,
      full_name: body.fullName,
      phone: body.phone ?? null,
      password_hash: await hashPassword(body.password),
      role: body.accountType,
      agency_id: null,
      oidc_subject: null,
      locked_until: null,
      search_text: toSearchText(body.fullName, email),
    })
    .returning([...USER_COLUMNS])
    .executeTakeFirstOrThrow();
  await ctx.audit.record(trx, {
    actor: { userId: row.id, label: email },
    action: 'user.register',
    targetType: 'user',
    targetId: row.id,
    subjectUserId: row.id,
    ip: request.ip,
    requestId: request.id,
  });
  return presentUser(row);
}
