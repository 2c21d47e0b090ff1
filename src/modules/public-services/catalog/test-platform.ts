import { seedDemoAgencies } from '../../../platform/agencies/seed-demo.js';
import type { Role } from '../../../platform/identity/roles.js';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { seedDemoCatalog } from './seed-demo.js';

export interface CatalogTestPlatform {
  t: TestPlatform;
  /** A system administrator, an administrator and an officer of the Department of Construction (SXD), a citizen. */
  as: Record<'system_admin' | 'agency_admin' | 'officer' | 'citizen', SignedIn>;
}

/**
 * The platform with reference data, the demo agencies and the demo catalog only: catalog tests do
 * not depend on the other modules' demo data (dossiers, reports).
 */
export async function catalogTestPlatform(): Promise<CatalogTestPlatform> {
  const t = await createTestPlatform({ seedDemo: false });
  await seedDemoAgencies(t.ctx);
  await seedDemoCatalog(t.ctx);
  const sxd = (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'SXD').executeTakeFirstOrThrow()).id;
  const user = async (role: Role, agencyId: string | null = null) => signIn(t.app, (await createTestUser(t.ctx, role, { agencyId })).email, TEST_PASSWORD);
  return {
    t,
    as: { system_admin: await user('system_admin'), agency_admin: await user('agency_admin', sxd), officer: await user('officer', sxd), citizen: await user('citizen') },
  };
}
