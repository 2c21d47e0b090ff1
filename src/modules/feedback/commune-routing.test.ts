import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signIn, signInAs, type SignedIn } from '../../platform/testing/sign-in.js';
import { DEMO_PASSWORD } from '../../platform/identity/demo-accounts.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let wardOfficer: SignedIn;
let departmentOfficer: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  wardOfficer = await signIn(t.app, 'canbo.xa@demo.tinhso.vn', DEMO_PASSWORD);
  departmentOfficer = await signInAs(t.app, 'officer');
});
after(() => t.close());

const queueCodes = async (who: SignedIn) => ((await t.app.inject({ method: 'GET', url: '/api/v1/feedback/queue?status=new', headers: who.headers })).json().items as Array<{ trackingCode: string }>).map((i) => i.trackingCode);

test("a street-lighting report lands in the queue of the ward's People's Committee officer, not the department's", async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: { categoryCode: 'den-chieu-sang', description: 'Ba cột đèn liền nhau không sáng từ tuần trước.', ...centre } });
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json();
  assert.equal(created.commune.code, '18880');
  assert.match(created.agency.name, /Đồng Hới/);
  assert.ok((await queueCodes(wardOfficer)).includes(created.trackingCode));
  assert.ok(!(await queueCodes(departmentOfficer)).includes(created.trackingCode));
});
