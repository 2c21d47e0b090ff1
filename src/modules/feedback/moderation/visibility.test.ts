import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventText, HIDDEN_TEXT, publicEventData } from './visibility.js';

test('a hidden timeline entry keeps its structure but every free text becomes the placeholder', () => {
  const data = { outcome: 'not_fixed', reason: 'Lời lẽ xúc phạm', duplicateOf: null, stars: 2 };
  assert.deepEqual(publicEventData(data, true, false), { outcome: 'not_fixed', reason: HIDDEN_TEXT, duplicateOf: null, stars: 2 });
  assert.deepEqual(data.reason, 'Lời lẽ xúc phạm', 'the stored data is not changed');
});

test('a hidden result hides the result text of resolve entries and nothing else', () => {
  assert.deepEqual(publicEventData({ resultText: 'Đã vá, gọi ông Tư 0912…' }, false, true), { resultText: HIDDEN_TEXT });
  assert.deepEqual(publicEventData({ reason: 'Thuộc lĩnh vực điện' }, false, true), { reason: 'Thuộc lĩnh vực điện' });
  assert.deepEqual(publicEventData({ resultText: 'Đã vá' }, false, false), { resultText: 'Đã vá' });
});

test('only entries with written text are offered for moderation', () => {
  assert.equal(eventText({ source: 'web', agencyId: 'x' }), null);
  assert.equal(eventText({ reason: '   ' }), null);
  assert.equal(eventText({ description: 'Cập nhật từ ứng dụng', clientUpdateId: '7' }), 'Cập nhật từ ứng dụng');
});
