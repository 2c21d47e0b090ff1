import type { Role } from '../identity/roles.js';
import { createUser } from '../identity/users.js';
import type { AppContext } from '../http/module.js';

export const TEST_PASSWORD = 'Kiem-tra-2025!';

/** Creates an account directly (no HTTP), for tests that need one of a given role. */
export async function createTestUser(ctx: AppContext, role: Role, overrides: { email?: string; agencyId?: string | null } = {}) {
  const email = overrides.email ?? `${role}.${Math.random().toString(36).slice(2, 8)}@test.tinhso.vn`;
  return ctx.db.transaction().execute((trx) =>
    createUser(trx, ctx.audit, { email, password: TEST_PASSWORD, role, fullName: `Người thử ${role}`, agencyId: overrides.agencyId ?? null }, { userId: null, label: 'test' }),
  );
}
