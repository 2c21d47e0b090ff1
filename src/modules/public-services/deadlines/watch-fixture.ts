/**
 * Shared setup of the deadline-watch tests (watch.test.ts, step-watch.test.ts): one agency, one procedure,
 * two officers and an agency admin signed in, on a platform that reminds 8 working hours ahead.
 * The bindings are ES module live bindings, filled by the `before` hook `useWatchFixture` registers,
 * so a test file reads them as if they were its own variables. Not used by the app.
 */
import { before, after } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb, type PsDb } from '../tables.js';
import { insertAgency, insertProcedure, signedInUser, type TestProcedure } from '../tracking/test-fixtures.js';

/** Wednesday 02/12/2026 09:00 in Vietnam: 8 working hours later is Thursday 09:30 (lunch and night excluded). */
export const NOW = new Date('2026-12-02T02:00:00Z');
export const HOUR = 3600_000;
export const THURSDAY_0900 = new Date('2026-12-03T02:00:00Z');

export let t: TestPlatform;
export let db: PsDb;
export let sxd: string;
export let procedure: TestProcedure;
export let officer: SignedIn;
export let secondOfficer: SignedIn;
export let agencyAdmin: SignedIn;

/**
 * Registers the hooks that open the platform and seed the agency before the file's tests, and close it after.
 * `more` runs inside the same hook, once the fixture is set (a second root `before` may start before the first ends).
 */
export function useWatchFixture(more?: () => Promise<unknown>): void {
  before(async () => {
    t = await createTestPlatform({ seedDemo: false, env: { PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS: '8' } });
    db = psDb(t.ctx.db);
    sxd = (await insertAgency(db)).id;
    procedure = await insertProcedure(db, sxd);
    officer = await signedInUser(t.app, t.ctx, 'officer', sxd);
    secondOfficer = await signedInUser(t.app, t.ctx, 'officer', sxd);
    agencyAdmin = await signedInUser(t.app, t.ctx, 'agency_admin', sxd);
    await more?.();
  });
  after(() => t.close());
}
