import { errors } from '../../../platform/http/errors.js';

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 3653;

/** [from, to) from the query: `to` defaults to now, `from` to `defaultDays` before `to`; at most ten years. */
export function timeRange(query: { from?: string | undefined; to?: string | undefined }, defaultDays: number, now = new Date()): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultDays * DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw errors.badRequest('invalid_range', 'Thời điểm không hợp lệ (dùng ISO 8601).', 'Invalid time (use ISO 8601).');
  }
  if (from.getTime() >= to.getTime()) {
    throw errors.badRequest('invalid_range', '"from" phải trước "to".', '"from" must be before "to".', [
      { field: 'querystring.from', message: { vi: 'Thời điểm bắt đầu không trước thời điểm kết thúc.', en: 'The start is not before the end.' } },
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw errors.badRequest('range_too_long', 'Khoảng thời gian tối đa là 10 năm.', 'The range may span at most 10 years.', [
      { field: 'querystring.from', message: { vi: 'Khoảng thời gian dài hơn 10 năm.', en: 'The range is longer than 10 years.' } },
    ]);
  }
  return { from, to };
}
