import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { psDb } from '../tables.js';
import { APPLICANT, FORM, insertProcedure, staffOf } from '../intake/testing.js';
import { formatDossierCode, nextDossierCode } from './codes.js';

test('the 2018 format: receiving agency, yyMMdd of receipt, four-digit daily number (never truncated)', () => {
  const pattern = '{agency}-{yyMMdd}-{seq4}';
  assert.equal(formatDossierCode(pattern, { agency: '000.00.14.H56', day: '2026-03-07', seq: 7 }), '000.00.14.H56-260307-0007');
  assert.equal(formatDossierCode(pattern, { agency: 'TTPVHCC', day: '2026-12-31', seq: 12345 }), 'TTPVHCC-261231-12345');
  assert.equal(formatDossierCode('{agency}-{yyyyMMdd}-{seq7}', { agency: 'G09.20', day: '2026-06-09', seq: 92637 }), 'G09.20-20260609-0092637');
});

let t: TestPlatform;
let centre: SignedIn;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
});
after(() => t.close());

test('the format in force on the Vietnam day of receipt applies, and each agency counts its own days', async () => {
  const db = psDb(t.ctx.db);
  await db.insertInto('dossier_code_formats').values({ version: 2, pattern: '{agency}-{yyyyMMdd}-{seq7}', effective_from: '2099-01-01', source: 'test' }).execute();
  const codes = await db.transaction().execute(async (trx) => [
    // 17:30 UTC on 31/12/2098 is already 00:30 on 01/01/2099 in Vietnam.
    await nextDossierCode(trx, 'TEST-A', new Date('2098-12-31T17:30:00Z')),
    await nextDossierCode(trx, 'TEST-A', new Date('2098-12-31T16:30:00Z')),
    await nextDossierCode(trx, 'TEST-A', new Date('2099-01-01T03:00:00Z')),
    await nextDossierCode(trx, 'TEST-B', new Date('2099-01-01T03:00:00Z')),
  ]);
  assert.deepEqual(
    codes.map((c) => [c.code, c.formatVersion]),
    [
      ['TEST-A-20990101-0000001', 2],
      ['TEST-A-981231-0001', 1],
      ['TEST-A-20990101-0000002', 2],
      ['TEST-B-20990101-0000001', 2],
    ],
  );
});

test('60 counter receipts sent at once get distinct codes numbered 1…n without gaps', async () => {
  const procedure = await insertProcedure(t.ctx);
  const body = {
    procedureCode: procedure.code,
    channel: 'counter',
    applicantKind: 'citizen',
    applicant: APPLICANT,
    formData: FORM,
    components: [
      { componentCode: 'TK', kind: 'original', digitised: true },
      { componentCode: 'CCCD', kind: 'copy', digitised: true },
    ],
  };
  const day = todayInVietnam();
  const start = (await psDb(t.ctx.db).selectFrom('dossier_code_sequences').select('last_seq').where('agency_code', '=', 'TTPVHCC').where('day', '=', day).executeTakeFirst())?.last_seq ?? 0;
  const responses = await Promise.all(Array.from({ length: 60 }, () => t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: centre.writeHeaders, payload: body })));
  assert.deepEqual([...new Set(responses.map((r) => r.statusCode))], [201]);
  const codes = responses.map((r) => r.json().code as string);
  assert.equal(new Set(codes).size, 60);
  const prefix = `TTPVHCC-${day.slice(2).replace(/-/g, '')}-`;
  assert.ok(codes.every((c) => c.startsWith(prefix)));
  const numbers = codes.map((c) => Number(c.slice(prefix.length))).sort((a, b) => a - b);
  assert.deepEqual(numbers, Array.from({ length: 60 }, (_, i) => start + i + 1));
});
