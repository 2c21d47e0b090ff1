import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeParts } from './query.js';

test('a year from the 3rd reads whole months from the rollup and the edges day by day', () => {
  assert.deepEqual(rangeParts({ from: '2025-12-03', to: '2026-12-02' }), [
    { table: 'dossier_stats_monthly', from: '2026-01-01', to: '2026-11-01' },
    { table: 'dossier_stats_daily', from: '2025-12-03', to: '2025-12-31' },
    { table: 'dossier_stats_daily', from: '2026-12-01', to: '2026-12-02' },
  ]);
});

test('a whole month, quarter or year reads the rollup only', () => {
  assert.deepEqual(rangeParts({ from: '2026-02-01', to: '2026-02-28' }), [{ table: 'dossier_stats_monthly', from: '2026-02-01', to: '2026-02-01' }]);
  assert.deepEqual(rangeParts({ from: '2024-01-01', to: '2024-12-31' }), [{ table: 'dossier_stats_monthly', from: '2024-01-01', to: '2024-12-01' }]);
  assert.deepEqual(rangeParts({}), [{ table: 'dossier_stats_monthly', from: undefined, to: undefined }]);
});

test('a range inside one month, or across two partial months, reads the daily rows only', () => {
  assert.deepEqual(rangeParts({ from: '2026-03-05', to: '2026-03-20' }), [{ table: 'dossier_stats_daily', from: '2026-03-05', to: '2026-03-20' }]);
  assert.deepEqual(rangeParts({ from: '2026-03-05', to: '2026-04-20' }), [{ table: 'dossier_stats_daily', from: '2026-03-05', to: '2026-04-20' }]);
});

test('open-ended ranges keep their open end on the rollup (leap day counts as the end of February)', () => {
  assert.deepEqual(rangeParts({ to: '2024-02-29' }), [{ table: 'dossier_stats_monthly', from: undefined, to: '2024-02-01' }]);
  assert.deepEqual(rangeParts({ to: '2026-03-10' }), [
    { table: 'dossier_stats_monthly', from: undefined, to: '2026-02-01' },
    { table: 'dossier_stats_daily', from: '2026-03-01', to: '2026-03-10' },
  ]);
  assert.deepEqual(rangeParts({ from: '2026-03-10' }), [
    { table: 'dossier_stats_monthly', from: '2026-04-01', to: undefined },
    { table: 'dossier_stats_daily', from: '2026-03-10', to: '2026-03-31' },
  ]);
});
