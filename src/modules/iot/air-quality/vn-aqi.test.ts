import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aqiCategory, hourlyVnAqi, nowCast, subIndex } from './vn-aqi.js';

const constant = (c: number) => Array<number>(12).fill(c);

test('a steady concentration is its own NowCast', () => {
  assert.equal(nowCast(constant(30)), 30);
});

test('a sudden rise clamps the weight at 1/2: c1 = 80, then 20 for 11 hours gives 50.0073', () => {
  // w* = 20/80 = 0.25 → w = 0.5; (80 + 20·Σ_{k=1..11} 0.5^k) / Σ_{k=0..11} 0.5^k = 99.99023 / 1.99951
  const c = nowCast([80, ...Array<number>(11).fill(20)])!;
  assert.ok(Math.abs(c - 50.00733) < 1e-4, String(c));
});

test('a gentle change uses w = c_min / c_max: c1 = 40, then 30 gives 32.5818', () => {
  // w = 0.75; Σ_{k=0..11} 0.75^k = 3.873294; (40 + 30·2.873294) / 3.873294 = 32.5818
  const c = nowCast([40, ...Array<number>(11).fill(30)])!;
  assert.ok(Math.abs(c - 32.5818) < 1e-3, String(c));
});

test('NowCast needs two of the three latest hours; older gaps are skipped', () => {
  assert.equal(nowCast([null, null, 30, 30, 30]), null);
  assert.equal(nowCast([null, 30, null, 30]), null);
  assert.equal(nowCast([30, null, 30]), 30);
  assert.equal(nowCast([]), null);
  assert.equal(nowCast([0, 0, 0]), 0);
});

test('sub-indices interpolate between the breakpoints of the decision', () => {
  assert.equal(subIndex('pm25', 30), 60, '(100−50)/(50−25)·(30−25)+50');
  assert.equal(subIndex('pm10', 100), 75, '(100−50)/(150−50)·(100−50)+50');
  assert.equal(subIndex('pm25', 25), 50);
  assert.equal(subIndex('pm25', 50), 100);
  assert.equal(subIndex('pm25', 65), 125, '(150−100)/(80−50)·15+100');
  assert.equal(subIndex('pm25', 150), 200);
  assert.equal(subIndex('pm10', 420), 300);
  assert.equal(subIndex('pm10', 460), 350);
  assert.equal(subIndex('pm25', 0), 0);
  assert.equal(subIndex('pm25', 12.4), 25, '12.4·2 = 24.8 rounds to 25');
  assert.equal(subIndex('pm25', 700), 500, 'the scale ends at 500');
});

test('the hourly index is the larger sub-index and names its pollutant', () => {
  const result = hourlyVnAqi({ pm25: constant(30), pm10: constant(100) });
  assert.deepEqual(result, { aqi: 75, dominant: 'pm10', subIndices: { pm25: 60, pm10: 75 } });
  assert.equal(hourlyVnAqi({ pm25: [40, ...Array<number>(11).fill(30)] })!.aqi, 65, 'NowCast 32.58 → 65.16 → 65');
  assert.equal(hourlyVnAqi({ pm25: [null, null, 10], pm10: [null] }), null);
});

test('categories follow Bảng 1: tốt, trung bình, kém, xấu, rất xấu, nguy hại', () => {
  assert.deepEqual([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((a) => aqiCategory(a).level), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  assert.equal(aqiCategory(120).name.vi, 'Kém');
});
