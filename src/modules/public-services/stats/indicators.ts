/**
 * The Decision 766/QĐ-TTg indicators (brief §1.6) computed from our own data, per period and scope,
 * each with its numerator, denominator, ratio and points by the documented curve. Indicators that
 * need data we do not hold are listed with `computable: false` and the reason.
 */
import { sql, type Kysely } from 'kysely';
import { dossiersWithPetition, petitionFigures, type PetitionFigures } from '../../feedback/procedure-petitions/figures.js';
import { syncHealth } from '../national-sync/health.js';
import type { Bilingual } from '../tables.js';
import { catalogAt, type CatalogProcedure } from './catalog-facts.js';
import { fullAt50, fullAt80, fullAt90, linearPoints, paymentGroupPoints, round2, round4, satisfactionRatio } from './curves.js';
import { endOfPeriod, startOfVietnamDay, type Period } from './period.js';
import { pendingTotal, type PendingSplit } from './pending.js';
import { addSums, groupedSums, zeroSums, type StatsFilter, type Sums } from './query.js';

export type Scope = 'province' | 'agency' | 'commune' | 'procedure';
export type GroupCode = '1' | '2' | '3' | '4' | '5';

export interface Indicator {
  code: string;
  name: Bilingual;
  group: GroupCode;
  computable: boolean;
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator, 0–1 (4 decimals); null when not computable or nothing to count. */
  ratio: number | null;
  /** Share of full marks the curve gives (0–1), also for indicators whose points are not published. */
  fraction: number | null;
  points: number | null;
  /** null where the national split of the group's points is unknown. */
  maxPoints: number | null;
  /** A display value that is not a ratio (2.2: average days). */
  value?: number | null;
  unconfirmed: boolean;
  note: Bilingual;
}

export interface GroupScore {
  group: GroupCode;
  name: Bilingual;
  points: number;
  maxPoints: number;
  /** The maximum of the indicators we can compute: the points we could at most show. */
  computableMaxPoints: number;
}

export interface IndicatorReport {
  scope: Scope;
  id: string | null;
  from: string;
  to: string;
  items: Indicator[];
  groups: GroupScore[];
  total: { points: number; maxPoints: number; computableMaxPoints: number };
}

export const GROUPS: Record<GroupCode, { name: Bilingual; maxPoints: number }> = {
  '1': { name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, maxPoints: 18 },
  '2': { name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' }, maxPoints: 20 },
  '3': { name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services and payment' }, maxPoints: 22 },
  '4': { name: { vi: 'Số hóa hồ sơ', en: 'Digitisation' }, maxPoints: 22 },
  '5': { name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, maxPoints: 18 },
};

/** What the indicators are computed from (gathered once, then pure). */
export interface IndicatorInputs {
  /** Counter sums of the period per procedure code (all channels) and the online channel alone. */
  byProcedure: Map<string, { all: Sums; online: Sums }>;
  pending: PendingSplit;
  /** The procedures of the scope, as the catalog stood at the period's end. */
  catalog: CatalogProcedure[];
  /** Every procedure known at the period's end, for the attributes of the dossiers counted. */
  attributes: Map<string, CatalogProcedure>;
  /** 1.4: dossiers synced on time / dossiers active; null while the national portal sync is off. */
  sync?: Part | null;
  /** 5.1–5.3 from the feedback module's petitions about procedures; null where the scope has none (commune, procedure). */
  petitions?: PetitionFigures | null;
  /** 5.4: dossiers named by a petition in the period and not already counted as rated unsatisfied. */
  petitionedDossiers?: number;
}

interface Part {
  numerator: number;
  denominator: number;
}

const ratioOf = (p: Part) => (p.denominator > 0 ? p.numerator / p.denominator : null);

function item(code: string, group: GroupCode, name: Bilingual, fields: Partial<Indicator> & { note: Bilingual }): Indicator {
  return { code, group, name, computable: true, numerator: null, denominator: null, ratio: null, fraction: null, points: null, maxPoints: null, unconfirmed: false, ...fields };
}

/**
 * A scored indicator. With nothing to count (denominator 0) an indicator does not apply and gets full
 * marks, the national policy for non-applicable indicators, unless `emptyPoints` says otherwise.
 */
function scored(code: string, group: GroupCode, name: Bilingual, part: Part, maxPoints: number | null, curve: (max: number, ratio: number) => number, note: Bilingual, emptyPoints?: number): Indicator {
  const ratio = ratioOf(part);
  const fraction = ratio === null ? (emptyPoints === 0 ? 0 : 1) : round4(curve(1000, ratio) / 1000);
  const points = maxPoints === null ? null : ratio === null ? (emptyPoints ?? maxPoints) : curve(maxPoints, ratio);
  return item(code, group, name, { ...part, ratio: ratio === null ? null : round4(ratio), fraction, points, maxPoints, note });
}

function notComputable(code: string, group: GroupCode, name: Bilingual, maxPoints: number, why: Bilingual): Indicator {
  return item(code, group, name, { computable: false, maxPoints, note: why });
}

const sumOver = (byProcedure: IndicatorInputs['byProcedure'], pick: (code: string, s: { all: Sums; online: Sums }) => number) => {
  let total = 0;
  for (const [code, s] of byProcedure) total += pick(code, s);
  return total;
};

/** Every indicator from the gathered inputs (pure: the seeded tests check it by hand). */
export function computeIndicators(inputs: IndicatorInputs): Indicator[] {
  const { byProcedure, pending, catalog, attributes, sync = null, petitions = null, petitionedDossiers = 0 } = inputs;
  let all = zeroSums();
  for (const s of byProcedure.values()) all = addSums(all, s.all);
  const documentResult = (code: string) => attributes.get(code)?.documentResult ?? true;
  const inForce = catalog.filter((p) => p.inForce);
  const onlineServices = inForce.filter((p) => p.onlineLevel !== 'none');

  const onTime: Part = { numerator: all.finished_early + all.finished_on_time + pending.within, denominator: all.finished + pending.within + pending.overdue };
  const late = all.finished_late + pending.overdue;
  const onlineCounted = sumOver(byProcedure, (code, s) => (documentResult(code) ? s.online.received_e_result : s.online.received));
  const eligible = sumOver(byProcedure, (code, s) => (attributes.get(code)?.fullOnlineEligible ? s.all.received : 0));
  const fullOnline = sumOver(byProcedure, (code, s) => (attributes.get(code)?.fullOnlineEligible && attributes.get(code)?.onlineLevel === 'full' ? s.online.received : 0));
  const feeProcedures = inForce.filter((p) => p.hasFees);
  const withFeeDossiers = [...byProcedure].filter(([, s]) => s.all.fee_dossiers > 0);
  const payment = paymentGroupPoints(
    ratioOf({ numerator: all.paid_online, denominator: all.fee_dossiers }) ?? 1,
    ratioOf({ numerator: feeProcedures.filter((p) => p.onlinePayment).length, denominator: feeProcedures.length }) ?? 1,
    ratioOf({ numerator: withFeeDossiers.filter(([, s]) => s.all.paid_online > 0).length, denominator: withFeeDossiers.length }) ?? 1,
  );
  const resolvedDocument = sumOver(byProcedure, (code, s) => (documentResult(code) ? s.all.resolved : 0));

  const items: Indicator[] = [
    notComputable('1.1', '1', { vi: 'TTHC được công bố đúng hạn', en: 'Procedures published on time' }, 6, {
      vi: 'Cần các quyết định công bố (mới, sửa đổi, bãi bỏ) trong kỳ và ngày hiệu lực của văn bản quy phạm, do CSDL quốc gia về TTHC quản lý; danh mục của hệ thống chỉ giữ phiên bản đang áp dụng.',
      en: 'Needs every publication decision of the period (new, amended, repealed) against the legal basis, held by the national TTHC database; our catalog keeps the versions in use only.',
    }),
    notComputable('1.2', '1', { vi: 'TTHC được cập nhật, công khai đúng hạn trên CSDL quốc gia', en: 'Procedures made public on time in the national database' }, 4, {
      vi: 'Việc công khai diễn ra trên CSDL quốc gia về TTHC, ngoài hệ thống này.',
      en: 'Publication happens in the national TTHC database, outside this system.',
    }),
    scored('1.3', '1', { vi: 'TTHC công khai đầy đủ các bộ phận', en: 'Procedures public with every constituent part' }, { numerator: inForce.filter((p) => p.complete).length, denominator: inForce.length }, 2, linearPoints, {
      vi: 'Tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, cơ quan thực hiện (NĐ 63, Điều 8 khoản 2); các thủ tục đang có hiệu lực cuối kỳ.',
      en: 'Name, steps, channels, components, time limit, subjects, agency (Decree 63 Art. 8(2)); procedures in force at the end of the period.',
    }),
    sync
      ? scored('1.4', '1', SYNC_NAME, sync, 6, linearPoints, {
          vi: 'Hồ sơ có mọi thay đổi trạng thái trong kỳ được gửi tới Cổng DVCQG trong thời gian cho phép / hồ sơ tiếp nhận, đang xử lý hoặc trả kết quả trong kỳ.',
          en: 'Dossiers whose every status change in the period reached the national portal within the allowed delay / dossiers received, in progress or returned in the period.',
        })
      : notComputable('1.4', '1', SYNC_NAME, 6, {
          vi: 'Chưa bật đồng bộ với Cổng Dịch vụ công quốc gia (NATIONAL_PORTAL_URL, NATIONAL_PORTAL_TOKEN).',
          en: 'Sync with the National Public Service Portal is not switched on (NATIONAL_PORTAL_URL, NATIONAL_PORTAL_TOKEN).',
        }),
    scored('2.1', '2', { vi: 'Hồ sơ giải quyết trước hạn, đúng hạn', en: 'Dossiers handled early or on time' }, onTime, 20, linearPoints, {
      vi: '(Xong trước hạn, đúng hạn + đang giải quyết trong hạn cuối kỳ) / (xong + đang giải quyết). Thời gian bổ sung đã cộng vào hạn; bổ sung quá 1 lần tính trễ hạn.',
      en: '(Finished early or on time + pending within time at the end) / (finished + pending). Supplement time is added to the due date; more than one supplement request counts as late.',
    }),
    item('2.2', '2', { vi: 'Thời gian giải quyết trung bình', en: 'Average handling time' }, {
      numerator: all.handling_minutes,
      denominator: all.finished,
      value: all.finished > 0 ? round2(all.handling_minutes / all.finished / 1440) : null,
      maxPoints: 0,
      note: {
        vi: 'Số ngày (theo lịch) trung bình từ khi tiếp nhận đến khi kết thúc xử lý; tử số tính bằng phút. Chỉ để theo dõi, không tính điểm.',
        en: 'Average calendar days from receipt to the end of handling; the numerator is in minutes. Display only, no points.',
      },
    }),
    scored('3.1', '3', { vi: 'TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' }, { numerator: onlineServices.length, denominator: inForce.length }, null, fullAt80, {
      vi: `Toàn trình và một phần / TTHC đang có hiệu lực; đủ điểm khi ≥ 80 %. Toàn trình: ${inForce.filter((p) => p.onlineLevel === 'full').length}/${inForce.filter((p) => p.fullOnlineEligible).length} thủ tục đủ điều kiện.`,
      en: `Full and partial online / procedures in force; full marks at ≥ 80 %. Full online: ${inForce.filter((p) => p.onlineLevel === 'full').length} of ${inForce.filter((p) => p.fullOnlineEligible).length} eligible procedures.`,
    }),
    scored(
      '3.2',
      '3',
      { vi: 'DVCTT phát sinh hồ sơ', en: 'Online services that received dossiers' },
      { numerator: onlineServices.filter((p) => (byProcedure.get(p.code)?.online.received ?? 0) > 0).length, denominator: onlineServices.length },
      null,
      linearPoints,
      { vi: 'DVCTT có ít nhất 1 hồ sơ trực tuyến trong kỳ / DVCTT đang cung cấp.', en: 'Online services with at least one online dossier in the period / online services offered.' },
    ),
    scored('3.3', '3', { vi: 'Hồ sơ trực tuyến', en: 'Dossiers received online' }, { numerator: onlineCounted, denominator: all.received }, null, fullAt50, {
      vi: 'Hồ sơ tiếp nhận trực tuyến / hồ sơ tiếp nhận; với thủ tục trả kết quả là giấy tờ, chỉ tính hồ sơ đã có kết quả điện tử. Đủ điểm khi ≥ 50 %.',
      en: 'Online receipts / receipts; for procedures whose result is a document, only those with an electronic result count. Full marks at ≥ 50 %.',
    }),
    scored('M6', '3', { vi: 'Hồ sơ trực tuyến toàn trình', en: 'Full online dossiers' }, { numerator: fullOnline, denominator: eligible }, 12, linearPoints, {
      vi: 'Dòng 6 của bảng chỉ số (không đánh số trong tài liệu mô tả): hồ sơ trực tuyến của thủ tục toàn trình / hồ sơ của các thủ tục đủ điều kiện toàn trình. Cách chia 12 điểm giữa dòng này và 3.1–3.3 chưa được xác nhận.',
      en: 'METRICS row 6 (unnumbered in the description): online dossiers of full-online procedures / dossiers of procedures eligible for full online. How the 12 points split between this row and 3.1–3.3 is unconfirmed.',
    }),
    {
      ...scored('3.5', '3', { vi: 'TTHC có nghĩa vụ tài chính tích hợp thanh toán trực tuyến', en: 'Fee-bearing procedures integrated with online payment' }, { numerator: feeProcedures.filter((p) => p.onlinePayment).length, denominator: feeProcedures.length }, 2, fullAt80, {
        vi: 'Thủ tục có phí, lệ phí và cho phép thanh toán trực tuyến / thủ tục có phí, lệ phí. Đủ điểm khi ≥ 80 %.',
        en: 'Fee-bearing procedures that accept online payment / fee-bearing procedures. Full marks at ≥ 80 %.',
      }),
      points: payment.b,
    },
    {
      ...scored('3.5b', '3', { vi: 'TTHC phát sinh giao dịch thanh toán trực tuyến', en: 'Procedures with actual online payments' }, { numerator: withFeeDossiers.filter(([, s]) => s.all.paid_online > 0).length, denominator: withFeeDossiers.length }, 2, fullAt80, {
        vi: 'Thủ tục có ít nhất 1 hồ sơ thanh toán trực tuyến / thủ tục có hồ sơ phải nộp phí trong kỳ. Đủ điểm khi ≥ 80 %.',
        en: 'Procedures with at least one dossier paid online / procedures with fee-bearing dossiers in the period. Full marks at ≥ 80 %.',
      }),
      points: payment.c,
    },
    {
      ...scored('3.6', '3', { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' }, { numerator: all.paid_online, denominator: all.fee_dossiers }, 6, linearPoints, {
        vi: 'Hồ sơ thanh toán qua cổng thanh toán hoặc chuyển khoản / hồ sơ phải nộp phí, tiếp nhận trong kỳ. Điểm nhóm thanh toán = 6·A + min(2; 2,5·B) + min(2; 2,5·C) là công thức suy ra từ số liệu của Cổng, chưa phải văn bản chính thức.',
        en: 'Dossiers paid by gateway or bank transfer / fee-bearing dossiers received in the period. The payment group = 6·A + min(2, 2.5·B) + min(2, 2.5·C) is reconstructed from the portal’s figures, not the decision’s text.',
      }),
      points: payment.a,
    },
    scored('4.1', '4', { vi: 'Hồ sơ có kết quả điện tử', en: 'Dossiers with an electronic result' }, { numerator: sumOver(byProcedure, (code, s) => (documentResult(code) ? s.all.e_result : 0)), denominator: resolvedDocument }, 6, linearPoints, {
      vi: 'Hồ sơ đã có kết quả điện tử (có mã băm) / hồ sơ đã giải quyết xong của thủ tục trả kết quả là giấy tờ.',
      en: 'Dossiers with an electronic result (hashed file) / dossiers resolved for procedures whose result is a document.',
    }),
    scored(
      '4.2',
      '4',
      { vi: 'Hồ sơ được số hóa', en: 'Dossiers digitised' },
      { numerator: sumOver(byProcedure, (code, s) => (documentResult(code) ? s.all.digitised_e_result : s.all.digitised)), denominator: all.resolved },
      4,
      fullAt80,
      {
        vi: 'Hồ sơ có thành phần được số hóa (và kết quả điện tử khi kết quả là giấy tờ) / hồ sơ đã giải quyết xong. Đủ điểm khi ≥ 80 %.',
        en: 'Dossiers whose components were digitised (and with an electronic result when the result is a document) / dossiers resolved. Full marks at ≥ 80 %.',
      },
    ),
    scored('4.3', '4', { vi: 'Hồ sơ tái sử dụng dữ liệu số hóa', en: 'Dossiers reusing digitised data' }, { numerator: all.reused, denominator: all.received }, 2, fullAt80, {
      vi: 'Hồ sơ tiếp nhận trong kỳ có thành phần lấy lại từ dữ liệu đã số hóa / hồ sơ tiếp nhận. Đủ điểm khi ≥ 80 %.',
      en: 'Dossiers received in the period with a component reused from digitised data / dossiers received. Full marks at ≥ 80 %.',
    }),
    scored('4.4', '4', { vi: 'Hồ sơ kết nối kho dữ liệu của người dân', en: "Dossiers linked to the applicant's data store" }, { numerator: all.store_linked, denominator: all.received }, 4, linearPoints, {
      vi: 'Hồ sơ có thành phần lấy từ kho dữ liệu hoặc kết quả điện tử trả vào tài khoản của người dân / hồ sơ tiếp nhận. Tài khoản trên hệ thống thay cho kho dữ liệu cá nhân trên Cổng DVCQG.',
      en: "Dossiers with a component taken from a data store or an electronic result delivered to the applicant's account / dossiers received. Our account stands in for the personal store on the national portal.",
    }),
    notComputable('4.5a', '4', { vi: 'Hồ sơ sử dụng dữ liệu dân cư', en: 'Dossiers using population data' }, 2, {
      vi: 'Chưa kết nối VNeID và Cơ sở dữ liệu quốc gia về dân cư.',
      en: 'Not connected to VNeID or the national population database.',
    }),
    notComputable('4.5b', '4', { vi: 'TTHC kết nối dữ liệu dân cư', en: 'Procedures connected to population data' }, 2, {
      vi: 'Chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.',
      en: 'Not connected to the national population database.',
    }),
    notComputable('M13', '4', { vi: 'Cấp bản sao điện tử có chứng thực', en: 'Electronic certified copies' }, 2, {
      vi: 'Dòng 13 của bảng chỉ số: chứng thực bản sao điện tử không do hệ thống này thực hiện.',
      en: 'METRICS row 13: electronic certification of copies is not done in this system.',
    }),
    ...petitionIndicators(petitions),
    scored(
      '5.4',
      '5',
      { vi: 'Hài lòng về tiếp nhận, giải quyết TTHC', en: 'Satisfaction with receiving and handling' },
      {
        numerator: Math.round(satisfactionRatio(late / (onTime.denominator || 1), (all.dissatisfied + petitionedDossiers) / (onTime.denominator || 1)) * onTime.denominator),
        denominator: onTime.denominator,
      },
      6,
      fullAt90,
      {
        vi: '100 % − (tỷ lệ hồ sơ trễ hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng hoặc bị phản ánh, kiến nghị). Đủ điểm khi ≥ 90 %; 0 điểm khi không có hồ sơ.',
        en: '100 % − (late rate + rate of dossiers rated unsatisfied or named by a petition). Full marks at ≥ 90 %; 0 without dossiers.',
      },
      0,
    ),
  ];
  return items.map((i) => (UNCONFIRMED.has(i.code) ? { ...i, unconfirmed: true } : i));
}

const SYNC_NAME: Bilingual = { vi: 'Hồ sơ đồng bộ theo thời gian thực với Cổng DVCQG', en: 'Dossiers synchronised in real time with the national portal' };
const PETITION_NAMES: Record<'5.1' | '5.2' | '5.3', Bilingual> = {
  '5.1': { vi: 'Phản ánh, kiến nghị theo loại', en: 'Petitions by class' },
  '5.2': { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Petitions handled on time' },
  '5.3': { vi: 'Hài lòng về xử lý phản ánh, kiến nghị', en: 'Satisfaction with petition handling' },
};

/** 5.1–5.3 from the petitions about procedures filed in the feedback module (phản ánh, kiến nghị về TTHC). */
function petitionIndicators(p: PetitionFigures | null): Indicator[] {
  if (!p) {
    const why = { vi: 'Phản ánh, kiến nghị chỉ được tổng hợp cho toàn tỉnh và theo cơ quan.', en: 'Petitions are counted for the province and per agency only.' };
    return [notComputable('5.1', '5', PETITION_NAMES['5.1'], 0, why), notComputable('5.2', '5', PETITION_NAMES['5.2'], 6, why), notComputable('5.3', '5', PETITION_NAMES['5.3'], 6, why)];
  }
  return [
    scored('5.1', '5', PETITION_NAMES['5.1'], { numerator: p.classified, denominator: p.received }, 0, linearPoints, {
      vi: `Phản ánh đã phân loại / phản ánh tiếp nhận trong kỳ (về TTHC: ${p.byClass.procedure}, về thái độ cán bộ: ${p.byClass.officer_conduct}); không tính điểm.`,
      en: `Classified petitions / petitions received in the period (about procedures: ${p.byClass.procedure}, about officers' conduct: ${p.byClass.officer_conduct}); no points.`,
    }),
    scored('5.2', '5', PETITION_NAMES['5.2'], { numerator: p.handledOnTime + p.inProgressWithinTime, denominator: p.toHandle }, 6, linearPoints, {
      vi: '(Xử lý đúng hạn + đang xử lý trong hạn) / phản ánh phải xử lý; từ chối ≤ 2, trả lời ≤ 15 ngày làm việc. Không có phản ánh: đủ điểm.',
      en: '(Handled on time + in progress within time) / petitions to handle; reject within 2, answer within 15 working days. None: full marks.',
    }),
    scored('5.3', '5', PETITION_NAMES['5.3'], { numerator: p.satisfied, denominator: p.firstReceived }, 6, linearPoints, {
      vi: 'Phản ánh tiếp nhận lần đầu trong kỳ trừ các phản ánh có số "không thích" nhiều hơn "thích", xử lý trễ hạn hoặc bị phản ánh lại / phản ánh tiếp nhận lần đầu.',
      en: 'Petitions first received in the period, less those with more dislikes than likes, handled late or raised again / petitions first received.',
    }),
  ];
}

/** Where the points rest on the operator's sheet or a reconstruction rather than the decision (brief §1.6). */
const UNCONFIRMED = new Set(['3.1', '3.2', '3.3', 'M6', '3.5', '3.5b', '3.6']);

export function groupScores(items: Indicator[]): { groups: GroupScore[]; total: IndicatorReport['total'] } {
  const groups = (Object.keys(GROUPS) as GroupCode[]).map((group) => {
    const mine = items.filter((i) => i.group === group);
    return {
      group,
      name: GROUPS[group].name,
      points: round2(mine.reduce((s, i) => s + (i.points ?? 0), 0)),
      maxPoints: GROUPS[group].maxPoints,
      computableMaxPoints: mine.filter((i) => i.computable).reduce((s, i) => s + (i.maxPoints ?? 0), 0),
    };
  });
  return {
    groups,
    total: {
      points: round2(groups.reduce((s, g) => s + g.points, 0)),
      maxPoints: groups.reduce((s, g) => s + g.maxPoints, 0),
      computableMaxPoints: groups.reduce((s, g) => s + g.computableMaxPoints, 0),
    },
  };
}

export interface ScopeRef {
  scope: Scope;
  id?: string | null | undefined;
}

/** The dossier filter and the catalog subset of a scope. */
async function scopeOf(db: Kysely<any>, ref: ScopeRef): Promise<{ filter: StatsFilter; inCatalog: (p: CatalogProcedure) => boolean }> {
  switch (ref.scope) {
    case 'province':
      return { filter: {}, inCatalog: () => true };
    case 'agency': {
      const agency = await db.selectFrom('agencies').select('kind').where('id', '=', ref.id!).executeTakeFirst();
      const commune = agency?.kind === 'commune_committee';
      return { filter: { agencyId: ref.id! }, inCatalog: (p) => p.agencyId === ref.id || (commune && p.level === 'commune') };
    }
    case 'commune':
      return { filter: { communeCode: ref.id! }, inCatalog: (p) => p.level === 'commune' };
    case 'procedure':
      return { filter: { procedureCode: ref.id! }, inCatalog: (p) => p.code === ref.id };
  }
}

/** Gathers the inputs from the aggregates, the open dossiers and the catalog, then computes. */
export interface IndicatorOptions {
  /** Whether the national portal sync is on (`syncEnabled(config)`): 1.4 is computed only then. */
  syncEnabled?: boolean;
  allowedDelayMinutes?: number;
}

export async function indicatorReport(db: Kysely<any>, ref: ScopeRef, period: Period, now = new Date(), options: IndicatorOptions = {}): Promise<IndicatorReport> {
  const { filter, inCatalog } = await scopeOf(db, ref);
  const end = endOfPeriod(period);
  const rows = await groupedSums(db, period, filter, ['procedure_code', 'channel']);
  const byProcedure = new Map<string, { all: Sums; online: Sums }>();
  for (const row of rows) {
    const code = row.key.procedure_code!;
    const entry = byProcedure.get(code) ?? { all: zeroSums(), online: zeroSums() };
    entry.all = addSums(entry.all, row.sums);
    if (row.key.channel === 'online') entry.online = addSums(entry.online, row.sums);
    byProcedure.set(code, entry);
  }
  const attributes = await catalogAt(db, end.getTime() < now.getTime() ? end : now);
  const catalog = [...attributes.values()].filter(inCatalog);
  const sync = options.syncEnabled ? await syncHealth(db, period, { filter, ...(options.allowedDelayMinutes ? { allowedDelayMinutes: options.allowedDelayMinutes } : {}) }) : null;
  const petitionScope = ref.scope === 'province' ? {} : ref.scope === 'agency' ? { agencyId: ref.id! } : null;
  const petitions = petitionScope ? await petitionFigures(db, period, petitionScope) : null;
  const petitionedDossiers = await petitionedNotUnsatisfied(db, period, filter);
  const items = computeIndicators({ byProcedure, pending: await pendingTotal(db, end, filter, now), catalog, attributes, sync, petitions, petitionedDossiers });
  return { scope: ref.scope, id: ref.id ?? null, from: period.from, to: period.to, items, ...groupScores(items) };
}

/**
 * 5.4's share of dossiers with a complaint is (rated unsatisfied ∪ named by a petition): the counters
 * hold the first; this adds the scope's petitioned dossiers not rated unsatisfied in the period.
 */
async function petitionedNotUnsatisfied(db: Kysely<any>, period: Period, filter: StatsFilter): Promise<number> {
  const { dossierIds } = await dossiersWithPetition(db, period);
  if (dossierIds.length === 0) return 0;
  const from = startOfVietnamDay(period.from);
  const to = endOfPeriod(period);
  const { rows } = await sql<{ n: string | number }>`
    select count(*) as n from dossiers d
    where d.id in (${sql.join(dossierIds)})
      and ${filter.agencyId ? sql`coalesce(d.handling_agency_id, d.receiving_agency_id) = ${filter.agencyId}` : sql`true`}
      and ${filter.communeCode !== undefined ? sql`coalesce(d.commune_code, '') = ${filter.communeCode}` : sql`true`}
      and ${filter.procedureCode ? sql`d.procedure_code = ${filter.procedureCode}` : sql`true`}
      and not exists (select 1 from dossier_evaluations e where e.dossier_id = d.id and e.rating <= 2 and e.created_at >= ${from} and e.created_at < ${to})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

