import type { AppContext } from '../http/module.js';
import { toSearchText } from '../search/search-text.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { hashPassword } from './passwords.js';

/** Demo accounts, one per role, created once; existing accounts are left as they are. */
export async function seedDemoAccounts(ctx: AppContext): Promise<void> {
  const existing = new Set(
    (await ctx.db.selectFrom('users').select('email').where('email', 'in', DEMO_ACCOUNTS.map((a) => a.email)).execute()).map((r) => r.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    for (const account of missing) {
      const agency = account.agencyCode
        ? await trx.selectFrom('agencies' as never).select('id' as never).where('code' as never, '=', account.agencyCode as never).executeTakeFirst()
        : undefined;
      const row = await trx
        .insertInto('users')
        .values({
          email: account.email,
          full_name: account.fullName,
          phone: null,
          password_hash: passwordHash,
          role: account.role,
          agency_id: (agency as { id?: string } | undefined)?.id ?? null,
          oidc_subject: null,
          locked_until: null,
          is_demo: true,
          search_text: toSearchText(account.fullName, account.email),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.record(trx, {
        actor: { userId: null, label: 'system:demo-seed' },
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        details: { role: account.role, demo: true },
      });
    }
  });
}
