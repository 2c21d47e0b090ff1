import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/module.js';
import { AppError, errors } from '../http/errors.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { presentUser, USER_COLUMNS, type UserView } from './schemas.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const WRONG_CREDENTIALS = () =>
  new AppError(401, 'invalid_credentials', {
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong email or password.',
  });

/**
 * Signs a user in with email and password. Five wrong passwords in a row lock the account for
 * fifteen minutes (on top of the per-address rate limit on the route), and an unknown email
 * costs the same hashing time as a known one.
 */
export async function signInWithPassword(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<{ user: UserView; csrfToken: string }> {
  const user = await ctx.db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash', 'failed_logins', 'locked_until'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user || !user.password_hash || user.status !== 'active') {
    await verifyPassword(await decoyHash(), password);
    throw WRONG_CREDENTIALS();
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    throw errors.tooManyRequests(Math.ceil((user.locked_until.getTime() - Date.now()) / 1000));
  }
  const ok = await verifyPassword(user.password_hash, password);
  const actor = { userId: user.id, label: user.email, agencyId: user.agency_id };
  if (!ok) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null })
        .where('id', '=', user.id)
        .execute();
      await ctx.audit.record(trx, {
        actor,
        action: lock ? 'auth.locked' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        subjectUserId: user.id,
        ip: request.ip,
        requestId: request.id,
      });
    });
    throw WRONG_CREDENTIALS();
  }
  const csrfToken = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await ctx.audit.record(trx, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, ip: request.ip, requestId: request.id });
    return createSession(trx, ctx.config, request, reply, user.id);
  });
  return { user: presentUser(user), csrfToken };
}
