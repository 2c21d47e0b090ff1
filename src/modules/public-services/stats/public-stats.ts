/**
 * The public figures (no personal data: the aggregates hold none): totals and per agency, each rate
 * with its numerator and denominator, and the definition of every figure.
 */
import type { Kysely } from 'kysely';
import { round4 } from './curves.js';
import type { Period } from './period.js';
import { addSums, groupedSums, zeroSums, type StatsFilter, type Sums } from './query.js';

export interface PublicFigures {
  received: number;
  receivedOnline: number;
  receivedCounter: number;
  receivedPost: number;
  finished: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  resolved: number;
  digitisedRate: number | null;
  eResultRate: number | null;
  refused: number;
  withdrawn: number;
  stopped: number;
  returned: number;
  satisfaction: { evaluations: number; averageRating: number | null; satisfiedRate: number | null };
}

export interface AgencyFigures extends PublicFigures {
  agency: { id: string; code: string; name: string } | null;
}

const rate = (n: number, d: number) => (d > 0 ? round4(n / d) : null);

export function figuresOf(all: Sums, online: number, counter: number, post: number): PublicFigures {
  return {
    received: all.received,
    receivedOnline: online,
    receivedCounter: counter,
    receivedPost: post,
    finished: all.finished,
    finishedEarly: all.finished_early,
    finishedOnTime: all.finished_on_time,
    finishedLate: all.finished_late,
    onTimeRate: rate(all.finished_early + all.finished_on_time, all.finished),
    onlineRate: rate(online, all.received),
    resolved: all.resolved,
    digitisedRate: rate(all.digitised, all.resolved),
    eResultRate: rate(all.e_result, all.resolved),
    refused: all.refused,
    withdrawn: all.withdrawn,
    stopped: all.stopped,
    returned: all.returned,
    satisfaction: {
      evaluations: all.evaluations,
      averageRating: all.evaluations > 0 ? Math.round((all.rating_sum / all.evaluations) * 100) / 100 : null,
      satisfiedRate: rate(all.satisfied, all.evaluations),
    },
  };
}

interface Accumulator {
  all: Sums;
  online: number;
  counter: number;
  post: number;
}

const empty = (): Accumulator => ({ all: zeroSums(), online: 0, counter: 0, post: 0 });

function accumulate(acc: Accumulator, channel: string | null | undefined, sums: Sums): void {
  acc.all = addSums(acc.all, sums);
  if (channel === 'online') acc.online += sums.received;
  else if (channel === 'post') acc.post += sums.received;
  else acc.counter += sums.received;
}

export async function publicStats(db: Kysely<any>, period: Period, filter: StatsFilter): Promise<{ totals: PublicFigures; byAgency: AgencyFigures[] }> {
  const rows = await groupedSums(db, period, filter, ['agency_id', 'channel']);
  const total = empty();
  const perAgency = new Map<string, Accumulator>();
  for (const row of rows) {
    accumulate(total, row.key.channel, row.sums);
    const id = row.key.agency_id ?? '';
    const acc = perAgency.get(id) ?? empty();
    accumulate(acc, row.key.channel, row.sums);
    perAgency.set(id, acc);
  }
  const ids = [...perAgency.keys()].filter((id) => id !== '');
  const agencies = ids.length ? await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', 'in', ids).execute() : [];
  const byId = new Map(agencies.map((a) => [a.id as string, a as { id: string; code: string; name: string }]));
  const byAgency = [...perAgency].map(([id, acc]) => ({ agency: byId.get(id) ?? null, ...figuresOf(acc.all, acc.online, acc.counter, acc.post) }));
  byAgency.sort((a, b) => (a.agency?.name ?? '').localeCompare(b.agency?.name ?? '', 'vi'));
  return { totals: figuresOf(total.all, total.online, total.counter, total.post), byAgency };
}

/** What each figure means, published with every response. */
export const PUBLIC_DEFINITIONS = {
  vi: {
    received: 'Hồ sơ được tiếp nhận hợp lệ trong kỳ (theo ngày tiếp nhận, giờ Việt Nam), theo kênh trực tuyến / trực tiếp / bưu chính.',
    finished: 'Hồ sơ kết thúc xử lý trong kỳ: có kết quả, bị rút hoặc dừng xử lý.',
    onTimeRate: '(Trước hạn + đúng hạn) / kết thúc xử lý. Đúng hạn: kết thúc không muộn hơn ngày hẹn trả (đã cộng thời gian bổ sung); yêu cầu bổ sung quá 1 lần tính trễ hạn. Trước hạn: kết thúc trước ngày hẹn trả.',
    onlineRate: 'Hồ sơ tiếp nhận trực tuyến / hồ sơ tiếp nhận.',
    digitisedRate: 'Hồ sơ có kết quả (không tính rút, dừng) có thành phần được số hóa / hồ sơ có kết quả.',
    eResultRate: 'Hồ sơ có kết quả điện tử / hồ sơ có kết quả.',
    satisfaction: 'Đánh giá của người nộp trong kỳ: số lượt, điểm trung bình (1–5), tỷ lệ hài lòng (4–5 điểm).',
    refused: 'Hồ sơ không được tiếp nhận (từ chối khi tiếp nhận), theo ngày từ chối.',
  },
  en: {
    received: 'Dossiers validly received in the period (by day of receipt, Vietnam time), by channel online / counter / post.',
    finished: 'Dossiers whose handling ended in the period: a result, a withdrawal or a stop.',
    onTimeRate: '(Early + on time) / ended. On time: ended no later than the due date (supplement time added); more than one supplement request counts as late. Early: ended before the due day.',
    onlineRate: 'Dossiers received online / dossiers received.',
    digitisedRate: 'Dossiers with a result (not withdrawn or stopped) whose components were digitised / dossiers with a result.',
    eResultRate: 'Dossiers with an electronic result / dossiers with a result.',
    satisfaction: 'Applicants’ evaluations in the period: count, average stars (1–5), share satisfied (4–5 stars).',
    refused: 'Dossiers refused at receipt, by day of refusal.',
  },
};
