import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb } from '../tables.js';
import { catalogTestPlatform } from './test-platform.js';
import { sampleProcedure } from './test-fixtures.js';

let t: TestPlatform;
let admin: SignedIn;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
  admin = platform.as.system_admin;
});
after(() => t.close());

const create = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: admin.writeHeaders, payload: body });

type Problem = { code: string; message: { vi: string; en: string }; errors: Array<{ field: string; message: { vi: string; en: string } }> };
async function refused(body: Record<string, unknown>, code: string): Promise<Problem> {
  const res = await create(body);
  assert.equal(res.statusCode, 400, res.body);
  const problem = res.json() as Problem;
  assert.equal(problem.code, code);
  assert.ok(problem.message.vi && problem.message.en && problem.message.vi !== problem.message.en, 'the message is in Vietnamese and English');
  const exists = await psDb(t.ctx.db).selectFrom('procedures').select('id').where('code', '=', String(body.code)).executeTakeFirst();
  assert.equal(exists, undefined, 'nothing was written');
  return problem;
}

test('a procedure missing a constituent part of Decree 63 Art. 8 is a bilingual 400 naming the part', async () => {
  for (const part of ['name', 'steps', 'channels', 'components', 'timeAmount', 'timeUnit', 'subjects', 'legalBasis']) {
    const { [part]: _dropped, ...body } = sampleProcedure('T.MISS1');
    const problem = await refused(body, 'validation_failed');
    assert.ok(problem.errors.some((e) => e.field.includes(part) || e.message.en.includes(part)), `the error names "${part}": ${JSON.stringify(problem.errors)}`);
  }
  await refused(sampleProcedure('T.MISS2', { steps: [] }), 'validation_failed');
  await refused(sampleProcedure('T.MISS3', { components: [{ code: 'x', name: 'Tờ khai', count: 1, required: true }] }), 'validation_failed');
  await refused(sampleProcedure('T.MISS4', { components: [{ code: 'x', name: 'Tờ khai', kind: 'copy', count: 0, required: true }] }), 'validation_failed');
});

test('a province-level procedure needs its implementing agency, and the agency must exist', async () => {
  const problem = await refused(sampleProcedure('T.AG1', { agencyCode: null }), 'agency_required');
  assert.equal(problem.errors[0]?.field, 'agencyId');
  await refused(sampleProcedure('T.AG2', { agencyCode: 'NO-SUCH' }), 'unknown_agency');
  await refused(sampleProcedure('T.AG3', { level: 'commune' }), 'commune_agency');
});

test('the online form must be a valid JSON Schema of an object', async () => {
  const bad = await refused(sampleProcedure('T.FORM1', { formSchema: { type: 'object', properties: { a: { type: 'strin' } } } }), 'form_schema_invalid');
  assert.ok(bad.message.vi.includes('JSON Schema'));
  await refused(sampleProcedure('T.FORM2', { formSchema: { type: 'array' } }), 'form_schema_invalid');
  await refused(sampleProcedure('T.FORM3', { formSchema: { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } } }), 'form_schema_invalid');
});

test('a procedure requiring originals in person cannot be fully online (toàn trình)', async () => {
  const original = { code: 'ban-chinh', name: 'Bản chính giấy tờ cần chứng thực', kind: 'original', count: 1, required: true };
  const body = sampleProcedure('T.FULL1', { components: [original] });
  const problem = await refused(body, 'full_online_requires_originals');
  assert.ok(problem.message.vi.includes('toàn trình') && problem.message.vi.includes('Bản chính giấy tờ cần chứng thực'));
  assert.ok(problem.message.en.includes('fully online'));
  const partial = await create({ ...body, onlineLevel: 'partial', fullOnlineEligible: false });
  assert.equal(partial.statusCode, 201, 'the same procedure may be partly online');
  const reusable = await create(sampleProcedure('T.FULL2', { components: [{ ...original, reusable: true }] }));
  assert.equal(reusable.statusCode, 201, 'an original taken from a national database needs no visit');
  await refused(sampleProcedure('T.FULL3', { channels: ['counter'] }), 'online_channel_missing');
  await refused(sampleProcedure('T.FULL4', { fullOnlineEligible: false }), 'full_online_not_eligible');
});

test('internal process steps must be numbered 1..n in order', async () => {
  const base = sampleProcedure('T.PROC1');
  const process = (base.process as Array<Record<string, unknown>>).map((s, i) => ({ ...s, step: i === 1 ? 3 : i === 2 ? 2 : s.step }));
  const problem = await refused({ ...base, process }, 'procedure_invalid');
  assert.deepEqual(problem.errors.map((e) => e.field), ['process/1/step', 'process/2/step'], 'every problem is listed at once');
  await refused(sampleProcedure('T.PROC2', { process: [{ step: 1, name: 'Liên thông', actor: { agencyCode: 'NO-SUCH' }, role: 'officer', hours: 2, status: 4 }] }), 'unknown_agency');
});

test('steps longer than the time limit are a warning in the response, not an error', async () => {
  const base = sampleProcedure('T.WARN1', { timeAmount: 2 });
  const res = await create(base);
  assert.equal(res.statusCode, 201, res.body);
  const warnings = res.json().warnings as Array<{ code: string; message: { vi: string; en: string } }>;
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.code, 'process_exceeds_limit');
  assert.ok(warnings[0]!.message.vi.includes('80 giờ') && warnings[0]!.message.vi.includes('16 giờ'), warnings[0]!.message.vi);
  const fits = await create(sampleProcedure('T.WARN2'));
  assert.deepEqual(fits.json().warnings, [], '80 hours fit in 10 working days');
});

test('codes are unique: the same procedure code twice is a 409, a repeated component or fee code a 400', async () => {
  assert.equal((await create(sampleProcedure('T.DUP1'))).statusCode, 201);
  const again = await create(sampleProcedure('T.DUP1'));
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'procedure_exists');
  const c = { code: 'don', name: 'Đơn', kind: 'electronic', count: 1, required: true };
  await refused(sampleProcedure('T.DUP2', { components: [c, c] }), 'duplicate_component');
  assert.equal((await create(sampleProcedure('lower.case'))).statusCode, 400, 'codes are upper case, so none reads as a route word');
});
