import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signInAs } from '../../platform/testing/sign-in.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '2' } });
});
after(() => t.close());

test('reports are rate-limited per address, and a signed-in account has its own allowance', async () => {
  const payload = { categoryCode: 'khac', description: 'Thử giới hạn gửi phản ánh.', lat: 0, lng: 0 };
  const anonymous = [];
  for (let i = 0; i < 3; i++) anonymous.push((await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload })).statusCode);
  assert.deepEqual(anonymous, [422, 422, 429], 'the third within ten minutes is refused');
  const citizen = await signInAs(t.app, 'citizen');
  const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload, headers: citizen.writeHeaders });
  assert.equal(signedIn.statusCode, 422, 'the account is not blocked by the address limit');
});
