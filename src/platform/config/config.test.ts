import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, productionProblems, ConfigError } from './config.js';

test('with no configuration the platform uses port 3000, ./data and demo data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.ok(config.dataDir.endsWith('data'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.demoData, true);
  assert.equal(config.publicUrl, 'http://localhost:3000');
});

test('production refuses default secrets, demo data, demo accounts and plain http, saying why', () => {
  const problems = productionProblems(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }), true);
  assert.equal(problems.length, 4);
  assert.ok(problems.some((p) => p.includes('SESSION_SECRET')));
  assert.ok(problems.some((p) => p.includes('DEMO_DATA')));
  assert.ok(problems.some((p) => p.includes('demo accounts')));
  assert.ok(problems.some((p) => p.includes('https')));
});

test('a safely configured production passes', () => {
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://dichvu.quangtri.gov.vn' });
  assert.equal(config.demoData, false, 'production has no demo data by default');
  assert.deepEqual(productionProblems(config, false), []);
});

test('bad values are refused with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'abc' }), (e: unknown) => e instanceof ConfigError && e.message.includes('PORT'));
  assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV/);
  assert.throws(() => loadConfig({ OIDC_ISSUER: 'https://id.example' }), /OIDC_CLIENT_ID/);
});
