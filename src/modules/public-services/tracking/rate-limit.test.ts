import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { psDb } from '../tables.js';
import { insertAgency, insertDossier, insertProcedure } from './test-fixtures.js';

let t: TestPlatform;
let code: string;
let otherCode: string;

before(async () => {
  t = await createTestPlatform({
    seedDemo: false,
    env: { PUBLIC_SERVICES_TRACK_PER_MINUTE: '2', PUBLIC_SERVICES_VERIFY_PER_15_MIN: '4', PUBLIC_SERVICES_VERIFY_FAILURES_PER_CODE_PER_HOUR: '2' },
  });
  const db = psDb(t.ctx.db);
  const sxd = (await insertAgency(db)).id;
  const procedure = await insertProcedure(db, sxd);
  code = (await insertDossier(db, procedure, sxd)).code!;
  otherCode = (await insertDossier(db, procedure, sxd)).code!;
});
after(() => t.close());

test('public tracking is rate-limited per address', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/track/${code}` })).statusCode);
  assert.deepEqual(statuses, [200, 200, 429]);
});

test('phone checks stop after the failures allowed for one code, then after the address limit for any code', async () => {
  const verify = (c: string, phone: string) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/track/${c}/verify`, payload: { phone } });
  assert.equal((await verify(code, '0987654321')).statusCode, 404);
  assert.equal((await verify(code, '0987654322')).statusCode, 404);
  const blocked = await verify(code, '0912345678');
  assert.equal(blocked.statusCode, 429, 'even the right phone waits once the code has had its failures');
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  assert.equal((await verify(otherCode, '0912345678')).statusCode, 200, 'another code is not blocked by the first one');
  assert.equal((await verify(otherCode, '0912345678')).statusCode, 429, 'four checks from one address in 15 minutes are allowed, the fifth is refused');
});
