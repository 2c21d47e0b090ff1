import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffItems, diffParts } from './diff.js';
import { normalizeParts, type Parts } from './parts.js';
import type { PartsInput } from './schemas.js';
import { sampleProcedure } from './test-fixtures.js';

function parts(overrides: Record<string, unknown> = {}): Parts {
  const { code: _code, agencyCode, ...rest } = sampleProcedure('T.DIFF', overrides);
  return normalizeParts(rest as PartsInput, agencyCode as string | null);
}

test('two equal versions have no changes', () => {
  assert.deepEqual(diffParts(parts(), parts()), []);
});

test('a changed scalar part is reported with its bilingual label, before and after, in the catalog order of parts', () => {
  const changes = diffParts(parts(), parts({ name: 'Tên mới', timeAmount: 7, agencyCode: 'STP' }));
  assert.deepEqual(changes.map((c) => c.part), ['name', 'agencyCode', 'timeAmount']);
  const time = changes.find((c) => c.part === 'timeAmount')!;
  assert.deepEqual(time.label, { vi: 'Thời hạn giải quyết', en: 'Time limit' });
  assert.deepEqual([time.before, time.after], [10, 7]);
  assert.equal(time.items, undefined, 'scalar parts have no item list');
});

test('components are compared by code: added, removed and changed items', () => {
  const before = parts();
  const after = parts({
    components: [
      { code: 'don', name: 'Đơn đề nghị cấp chứng chỉ (mẫu mới)', kind: 'electronic', count: 1, required: true },
      { code: 'anh', name: 'Ảnh 4x6', kind: 'original', count: 2, required: true },
    ],
  });
  const [change] = diffParts(before, after);
  assert.equal(change!.part, 'components');
  assert.deepEqual(change!.items!.added.map((i) => i.key), ['anh']);
  assert.deepEqual(change!.items!.removed.map((i) => i.key), ['van-bang']);
  assert.deepEqual(change!.items!.changed.map((i) => i.key), ['don']);
  assert.equal((change!.items!.changed[0]!.after as { name: string }).name, 'Đơn đề nghị cấp chứng chỉ (mẫu mới)');
});

test('fees by code, legal basis by its text, and an exemption change shows as a changed fee', () => {
  const after = parts({
    fees: [{ code: 'le-phi', name: 'Lệ phí cấp chứng chỉ', amount: 150000, exemptions: [], collectedAt: 'receipt' }],
    legalBasis: ['Luật Xây dựng số 50/2014/QH13', 'Nghị định 175/2024/NĐ-CP'],
  });
  const changes = diffParts(parts(), after);
  assert.deepEqual(changes.map((c) => c.part), ['fees', 'legalBasis']);
  assert.deepEqual(changes[0]!.items!.changed.map((i) => i.key), ['le-phi']);
  assert.deepEqual(changes[1]!.items, { added: [{ key: 'Nghị định 175/2024/NĐ-CP', value: 'Nghị định 175/2024/NĐ-CP' }], removed: [], changed: [], reordered: false });
});

test('process steps are matched by name, so inserting a step does not report every later step as changed', () => {
  const base = sampleProcedure('T.DIFF').process as Array<Record<string, unknown>>;
  const inserted = [base[0], { step: 2, name: 'Kiểm tra thực địa', actor: 'handling', role: 'officer', hours: 8, status: 4 }, ...base.slice(1).map((s) => ({ ...s, step: (s.step as number) + 1 }))];
  const [change] = diffParts(parts(), parts({ process: inserted }));
  assert.deepEqual(change!.items!.added.map((i) => i.key), ['Kiểm tra thực địa']);
  assert.deepEqual(change!.items!.changed.map((i) => i.key), ['Thẩm định', 'Ký', 'Trả kết quả'], 'only their numbers moved');
  assert.deepEqual(change!.items!.removed, []);
});

test('the same items in another order are reported as reordered, nothing added or removed', () => {
  const r = diffItems(['a', 'b', 'c'], ['c', 'a', 'b'], String);
  assert.deepEqual([r.added, r.removed, r.changed, r.reordered], [[], [], [], true]);
  assert.equal(diffItems(['a', 'b'], ['a', 'x', 'b'], String).reordered, false, 'an insertion alone is not a reordering');
});

test('duplicate keys are kept apart by position instead of hiding one another', () => {
  const r = diffItems([{ name: 'Ký' }, { name: 'Ký' }], [{ name: 'Ký' }], (s) => (s as { name: string }).name);
  assert.deepEqual(r.removed.map((i) => i.key), ['Ký #2']);
});
