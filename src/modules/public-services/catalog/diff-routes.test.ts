import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { catalogTestPlatform } from './test-platform.js';
import { sampleProcedure } from './test-fixtures.js';

let t: TestPlatform;
let admin: SignedIn;
let citizen: SignedIn;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
  admin = platform.as.system_admin;
  citizen = platform.as.citizen;
});
after(() => t.close());

const send = (method: 'POST' | 'PUT', url: string, payload: unknown) => t.app.inject({ method, url, headers: admin.writeHeaders, payload: payload as Record<string, unknown> });
const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });

test('the diff between two published versions is public; a draft is compared only by its catalog managers', async () => {
  await send('POST', '/api/v1/procedures', sampleProcedure('T.HIST1'));
  await send('POST', '/api/v1/procedures/T.HIST1/draft/publish', {});
  await send('PUT', '/api/v1/procedures/T.HIST1/draft', { timeAmount: 7, legalBasis: ['Luật Xây dựng số 50/2014/QH13', 'Nghị định 175/2024/NĐ-CP'] });
  await send('POST', '/api/v1/procedures/T.HIST1/draft/publish', { effectiveFrom: new Date(Date.now() + 86_400_000).toISOString() });
  await send('PUT', '/api/v1/procedures/T.HIST1/draft', { name: 'Tên dự thảo' });

  const res = await get('/api/v1/procedures/T.HIST1/versions/diff?from=1&to=2');
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  assert.deepEqual([d.from.version, d.to.version], [1, 2]);
  assert.deepEqual(d.changes.map((c: { part: string }) => c.part), ['timeAmount', 'legalBasis']);
  assert.deepEqual(d.changes[1].items.added.map((i: { key: string }) => i.key), ['Nghị định 175/2024/NĐ-CP']);
  assert.equal(d.changes[1].label.vi, 'Căn cứ pháp lý');

  assert.equal((await get('/api/v1/procedures/T.HIST1/versions/diff?from=2&to=3')).statusCode, 404, 'the draft is not public');
  assert.equal((await get('/api/v1/procedures/T.HIST1/versions/diff?from=2&to=3', citizen)).statusCode, 404);
  const draft = await get('/api/v1/procedures/T.HIST1/versions/diff?from=2&to=3', admin);
  assert.equal(draft.statusCode, 200);
  assert.deepEqual(draft.json().changes.map((c: { part: string }) => c.part), ['name']);
  assert.equal((await get('/api/v1/procedures/T.HIST1/versions/diff?from=1&to=9')).statusCode, 404);
  assert.equal((await get('/api/v1/procedures/T.HIST1/versions/diff?from=1')).statusCode, 400);
});

test('the demo catalog routes building permits in the demo economic-zone communes to the Economic Zone Management Board', async () => {
  const res = await get('/api/v1/procedures/QT-DEMO-04/routes', admin);
  assert.equal(res.statusCode, 200, res.body);
  const rows = res.json().items as Array<{ communeCode: string; agency: { code: string }; isDemo: boolean }>;
  assert.deepEqual(rows.map((r) => [r.communeCode, r.agency.code, r.isDemo]), [['19021', 'BQLKKT', true], ['19496', 'BQLKKT', true]]);
});
