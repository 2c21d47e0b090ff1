/**
 * Test helpers of the statistics: procedures and dossiers written straight into the tables, and
 * changes made through the real `applyTransition` (which calls `recordStatsChange`). Used by tests only.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../../platform/http/module.js';
import { applyTransition, lockDossier, SYSTEM_ACTOR, type DossierRow, type Transition } from '../dossiers/transition.js';
import { psDb, type Channel, type OnlineLevel, type ProcedureLevel } from '../tables.js';
import { recordStatsChange } from './counters.js';

export interface TestProcedure {
  code: string;
  agencyId: string | null;
  level?: ProcedureLevel;
  onlineLevel?: OnlineLevel;
  fullOnlineEligible?: boolean;
  onlinePayment?: boolean;
  feeAmount?: number;
  resultType?: 'paper' | 'electronic' | 'both' | 'none';
  /** Leave out the components, so the publication is incomplete (766 indicator 1.3). */
  incomplete?: boolean;
  effectiveFrom?: Date;
}

export async function createProcedure(ctx: AppContext, p: TestProcedure): Promise<{ id: string; versionId: string; code: string }> {
  const db = psDb(ctx.db);
  const proc = await db.insertInto('procedures').values({ code: p.code }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: proc.id,
      version: 1,
      state: 'published',
      effective_from: p.effectiveFrom ?? new Date('2020-01-01T00:00:00Z'),
      effective_to: null,
      published_at: new Date('2020-01-01T00:00:00Z'),
      published_by: null,
      name: `Thủ tục ${p.code}`,
      name_en: null,
      field: 'Thử nghiệm',
      level: p.level ?? 'province',
      agency_id: p.agencyId,
      subjects: JSON.stringify(['citizen']),
      steps: JSON.stringify(['Nộp hồ sơ', 'Nhận kết quả']),
      channels: JSON.stringify(['online', 'counter']),
      components: JSON.stringify(p.incomplete ? [] : [{ code: 'TK', name: 'Tờ khai', kind: 'original', count: 1, required: true }]),
      time_amount: 5,
      time_unit: 'working_days',
      same_day_cutoff: null,
      fees: JSON.stringify(p.feeAmount ? [{ code: 'LP', name: 'Lệ phí', amount: p.feeAmount, exemptions: [], collectedAt: 'receipt' }] : []),
      result_type: p.resultType ?? 'electronic',
      result_name: 'Giấy chứng nhận',
      legal_basis: JSON.stringify([]),
      online_level: p.onlineLevel ?? 'full',
      full_online_eligible: p.fullOnlineEligible ?? true,
      online_payment: p.onlinePayment ?? false,
      form_schema: JSON.stringify({ type: 'object', properties: {} }),
      process: JSON.stringify([]),
      publication: JSON.stringify({}),
      search_text: p.code.toLowerCase(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: proc.id, versionId: version.id, code: p.code };
}

export interface NewDossier {
  procedure: { id: string; versionId: string; code: string };
  channel: Channel;
  receivingAgencyId: string;
  communeCode?: string | null;
  at: Date;
}

/** A submitted dossier (status 1) with made-up applicant data, as intake would write it. */
export async function createDossier(ctx: AppContext, d: NewDossier): Promise<DossierRow> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto('dossiers')
        .values({
          procedure_id: d.procedure.id,
          procedure_version_id: d.procedure.versionId,
          procedure_code: d.procedure.code,
          channel: d.channel,
          status: 1,
          applicant_kind: 'citizen',
          applicant: JSON.stringify({ name: 'Nguyễn Văn Bình', idNumber: '044090001234', phone: '0912345678', email: 'binh@example.vn', address: 'Số 1 Lý Thường Kiệt, Đồng Hới' }),
          form_data: JSON.stringify({ reason: 'Cần cấp bản chính' }),
          receiving_agency_id: d.receivingAgencyId,
          commune_code: d.communeCode ?? null,
          submitted_at: d.at,
          is_demo: true,
          created_at: d.at,
          updated_at: d.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordStatsChange(trx, null, row);
      return row;
    });
}

/** One command on a dossier: lock, then the real transition (statistics included). */
export async function change(ctx: AppContext, id: string, t: Transition): Promise<DossierRow> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => applyTransition(trx, ctx, await lockDossier(trx, id), SYSTEM_ACTOR, { notify: false, ...t }));
}

export const fakeSha256 = () => randomBytes(32).toString('hex');

/** An evaluation as the tracking folder inserts it (the trigger counts it). */
export async function evaluate(ctx: AppContext, dossierId: string, rating: number, at: Date): Promise<void> {
  await psDb(ctx.db).insertInto('dossier_evaluations').values({ dossier_id: dossierId, rating, criteria: JSON.stringify({}), comment: null, created_at: at }).execute();
}

/** A payment as the fees folder records it (the trigger counts the first online one). */
export async function pay(ctx: AppContext, dossierId: string, method: 'bank_transfer' | 'counter' | 'gateway', amount: number, at: Date): Promise<void> {
  await psDb(ctx.db)
    .insertInto('dossier_payments')
    .values({ dossier_id: dossierId, method, provider: method === 'gateway' ? 'test-gateway' : method, provider_ref: fakeSha256().slice(0, 16), amount, paid_at: at, recorded_by: null, raw: JSON.stringify({}) })
    .execute();
}

/** 09:00 on a day, Vietnam time, or another time given as "HH:MM". */
export function vn(day: string, time = '09:00'): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

export interface SeededDataset {
  agencyId: string;
  codes: { p1: string; p2: string; p3: string; p4: string };
}

/**
 * The hand-computed dataset of the indicator tests (README.md, "the seeded dataset"): one agency of
 * its own, four procedures, nine dossiers around March 2026. `prefix` keeps codes unique per file.
 */
export async function seedDataset(ctx: AppContext, prefix: string): Promise<SeededDataset> {
  const agency = await psDb(ctx.db)
    .insertInto('agencies')
    .values({ code: `${prefix}-AG`, name: `Sở thử nghiệm thống kê ${prefix}`, name_en: null, kind: 'department', parent_id: null, admin_unit_code: null, address: null, phone: null, email: null, search_text: prefix.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agencyId = agency.id;
  const p1 = await createProcedure(ctx, { code: `${prefix}-P1`, agencyId, onlineLevel: 'full', fullOnlineEligible: true, feeAmount: 50_000, onlinePayment: true, resultType: 'electronic' });
  const p2 = await createProcedure(ctx, { code: `${prefix}-P2`, agencyId, onlineLevel: 'partial', fullOnlineEligible: false, resultType: 'none' });
  const p3 = await createProcedure(ctx, { code: `${prefix}-P3`, agencyId, onlineLevel: 'none', fullOnlineEligible: false, resultType: 'paper', incomplete: true });
  const p4 = await createProcedure(ctx, { code: `${prefix}-P4`, agencyId, onlineLevel: 'none', fullOnlineEligible: false, feeAmount: 20_000, onlinePayment: false, resultType: 'paper' });

  const dossier = async (procedure: typeof p1, channel: Channel, submitted: Date) => createDossier(ctx, { procedure, channel, receivingAgencyId: agencyId, at: submitted });
  const receive = (id: string, at: Date, due: Date, extra: Record<string, unknown> = {}) =>
    change(ctx, id, { action: 'receive', to: 2, at, changes: { received_at: at, due_at: due, handling_agency_id: agencyId, ...extra } });
  const handOver = (id: string, at: Date) => change(ctx, id, { action: 'hand_over', to: 4, at });
  const result = (id: string, at: Date, sha: string | null) => change(ctx, id, { action: 'issue_result', to: 9, at, changes: { finished_at: at, outcome: 'approved', result_sha256: sha } });

  // D1: P1 online, early, e-result, digitised, paid by gateway, returned online, rated 5.
  const d1 = await dossier(p1, 'online', vn('2026-03-01', '20:00'));
  await receive(d1.id, vn('2026-03-02'), vn('2026-03-09', '17:00'), { fee_total: 50_000, digitised: true });
  await handOver(d1.id, vn('2026-03-02', '10:00'));
  await pay(ctx, d1.id, 'gateway', 50_000, vn('2026-03-02', '11:00'));
  await result(d1.id, vn('2026-03-05'), fakeSha256());
  await change(ctx, d1.id, { action: 'return', to: 10, at: vn('2026-03-06'), changes: { returned_at: vn('2026-03-06'), delivery_method: 'online' } });
  await evaluate(ctx, d1.id, 5, vn('2026-03-07'));
  // D2: P1 online, on time on the due day, paper result only, paid at the counter, rated 2.
  const d2 = await dossier(p1, 'online', vn('2026-03-02', '21:00'));
  await receive(d2.id, vn('2026-03-03'), vn('2026-03-10', '17:00'), { fee_total: 50_000 });
  await handOver(d2.id, vn('2026-03-03', '10:00'));
  await pay(ctx, d2.id, 'counter', 50_000, vn('2026-03-03', '11:00'));
  await result(d2.id, vn('2026-03-10', '15:00'), null);
  await evaluate(ctx, d2.id, 2, vn('2026-03-11'));
  // D3: P1 at the counter, late, e-result, digitised, fee unpaid.
  const d3 = await dossier(p1, 'counter', vn('2026-03-04', '08:30'));
  await receive(d3.id, vn('2026-03-04'), vn('2026-03-11', '17:00'), { fee_total: 50_000, digitised: true });
  await handOver(d3.id, vn('2026-03-04', '10:00'));
  await result(d3.id, vn('2026-03-13'), fakeSha256());
  // D4: P2 online, two supplement requests: late although finished before the due date; digitised.
  const d4 = await dossier(p2, 'online', vn('2026-03-04', '22:00'));
  await receive(d4.id, vn('2026-03-05'), vn('2026-03-12', '17:00'), { digitised: true });
  await handOver(d4.id, vn('2026-03-05', '10:00'));
  for (const day of ['2026-03-06', '2026-03-09']) {
    await change(ctx, d4.id, { action: 'request_supplement', to: 5, at: vn(day), changes: { supplement_requests: day === '2026-03-06' ? 1 : 2, paused_since: vn(day) } });
    await change(ctx, d4.id, { action: 'supplement', to: 4, at: vn(day, '15:00'), changes: { paused_since: null } });
  }
  await result(d4.id, vn('2026-03-11'), null);
  // D5: P2 online, in progress, due in April: pending within time at the end of March.
  const d5 = await dossier(p2, 'online', vn('2026-03-09', '23:00'));
  await receive(d5.id, vn('2026-03-10'), vn('2026-04-10', '17:00'));
  await handOver(d5.id, vn('2026-03-10', '10:00'));
  // D6: P3 at the counter, reused data, in progress past its due date: pending overdue.
  const d6 = await dossier(p3, 'counter', vn('2026-03-12', '08:30'));
  await receive(d6.id, vn('2026-03-12'), vn('2026-03-19', '17:00'), { reused_data: true });
  await handOver(d6.id, vn('2026-03-12', '10:00'));
  // D7: P4 by post, withdrawn the next day (counts as ended, early).
  const d7 = await dossier(p4, 'post', vn('2026-03-13', '08:30'));
  await receive(d7.id, vn('2026-03-16'), vn('2026-03-23', '17:00'), { fee_total: 20_000 });
  await change(ctx, d7.id, { action: 'withdraw', to: 7, at: vn('2026-03-17'), changes: { finished_at: vn('2026-03-17'), outcome: 'withdrawn' } });
  // D8: P1 online, refused at receipt: never received.
  const d8 = await dossier(p1, 'online', vn('2026-03-17', '20:00'));
  await change(ctx, d8.id, { action: 'refuse', to: 3, at: vn('2026-03-18'), changes: { finished_at: vn('2026-03-18'), outcome: 'refused' } });
  // D9: P1 online, received in February (carried over into March), finished early on 2 March, e-result.
  const d9 = await dossier(p1, 'online', vn('2026-02-19', '20:00'));
  await receive(d9.id, vn('2026-02-20'), vn('2026-03-03', '17:00'));
  await handOver(d9.id, vn('2026-02-20', '10:00'));
  await result(d9.id, vn('2026-03-02'), fakeSha256());
  return { agencyId, codes: { p1: p1.code, p2: p2.code, p3: p3.code, p4: p4.code } };
}
