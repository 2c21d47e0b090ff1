import { randomBytes } from 'node:crypto';
import type { App, AppContext } from '../http/module.js';
import { SESSION_COOKIE, sha256 } from '../identity/principal.js';

/** A fresh session for a user without going through sign-in (fast; for tests that need many). */
export async function createTestSession(app: App, ctx: AppContext, userId: string): Promise<{ headers: Record<string, string> }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db
    .insertInto('sessions')
    .values({ id_hash: sha256(id), user_id: userId, csrf_token: csrfToken, ip: '127.0.0.1', user_agent: 'test', expires_at: new Date(Date.now() + 3600_000) })
    .execute();
  return { headers: { cookie: `${SESSION_COOKIE}=${app.signCookie(id)}`, 'x-csrf-token': csrfToken } };
}
