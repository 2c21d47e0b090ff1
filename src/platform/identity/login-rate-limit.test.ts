import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

test('one address guessing across many accounts is throttled with a bilingual 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `guess${i}@test.tinhso.vn`, password: 'guess-guess-guess' } });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      assert.ok(res.json().message.vi.length > 0 && res.json().message.en.length > 0);
      assert.match(String(res.headers['content-type']), /problem\+json/);
    }
  }
  assert.ok(statuses.slice(0, 20).every((s) => s === 401));
  assert.equal(statuses[21], 429);
});
