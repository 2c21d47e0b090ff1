import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/module.js';
import { errors } from '../http/errors.js';
import { queueMail } from '../notifications/mail.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { sha256 } from './principal.js';

const RESET_TTL_MINUTES = 30;

/**
 * Mails a one-time link valid for 30 minutes. Answers the same whether or not the address has an
 * account, so the form can't be used to discover who is registered.
 */
export async function requestPasswordReset(ctx: AppContext, emailInput: string, request: FastifyRequest): Promise<void> {
  const email = emailInput.toLowerCase();
  const user = await ctx.db.selectFrom('users').select(['id', 'full_name']).where('email', '=', email).where('status', '=', 'active').executeTakeFirst();
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  const link = `${ctx.config.publicUrl}/dat-lai-mat-khau?token=${token}`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: sha256(token), user_id: user.id, expires_at: new Date(Date.now() + RESET_TTL_MINUTES * 60_000), used_at: null })
      .execute();
    await queueMail(trx, ctx, {
      to: email,
      subject: 'Đặt lại mật khẩu Tỉnh Số / Reset your Tỉnh Số password',
      text:
        `Xin chào ${user.full_name},\n\nĐể đặt lại mật khẩu, hãy mở liên kết sau (hiệu lực ${RESET_TTL_MINUTES} phút):\n${link}\n\n` +
        `Nếu bạn không yêu cầu, hãy bỏ qua thư này.\n\n---\nTo reset your password, open the link above within ${RESET_TTL_MINUTES} minutes. ` +
        'If you did not ask for this, ignore this message.',
    });
    await ctx.audit.record(trx, {
      actor: { userId: user.id, label: email },
      action: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
      ip: request.ip,
      requestId: request.id,
    });
  });
}

/** Sets the new password, spends the token and ends every session of the account. */
export async function confirmPasswordReset(ctx: AppContext, tokenHash: string, password: string, request: FastifyRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select(['password_resets.user_id', 'password_resets.expires_at', 'password_resets.used_at', 'users.email'])
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
    if (!reset || reset.used_at || reset.expires_at.getTime() < Date.now()) {
      throw errors.badRequest('reset_token_invalid', 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.', 'The reset link is invalid or has expired.');
    }
    const weak = passwordProblem(password, reset.email);
    if (weak) throw errors.badRequest('weak_password', weak.vi, weak.en, [{ field: 'body.password', message: weak }]);
    await trx.updateTable('password_resets').set({ used_at: new Date() }).where('token_hash', '=', tokenHash).execute();
    await trx
      .updateTable('users')
      .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', reset.user_id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await ctx.audit.record(trx, {
      actor: { userId: reset.user_id, label: reset.email },
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: reset.user_id,
      ip: request.ip,
      requestId: request.id,
    });
  });
}
