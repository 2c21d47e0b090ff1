import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { createTestUser } from '../../../platform/testing/users.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Role } from '../../../platform/identity/roles.js';
import type { UserPrincipal } from '../../../platform/http/access.js';
import { Random } from '../../../platform/seeded-random.js';
import { addWorkingHours } from '../deadlines/index.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { acceptTransfer, advanceDossier, assignDossier } from './assignment.js';
import { sendApology, stopDossier, withdrawDossier } from './closing.js';
import type { Caller } from './command.js';
import { requestPayment } from './payment.js';
import { judge, PROCESSING_ACTIONS, type ProcessingAction } from './policy.js';
import { queueCounts, queuePage } from './queue.js';
import { issueResult, returnResult } from './result.js';
import { requestSupplement, supplyDocuments } from './supplement.js';
import { answerConsultation, consultAgency, transferDossier } from './transfer.js';
import { WORKING_DAY_HOURS } from './clock.js';
import { agencyIdOf, callerForUser, seedDossier, seedProcedure, type TestProcedure } from './testing.js';

const SEED = 20261202;
const STEPS = 160;
const HOUR = 3_600_000;

let t: TestPlatform;
let agencies: { a: string; b: string; c: string };
let procedure: TestProcedure;
const people: Record<string, Caller> = {};
let dossierIds: string[] = [];

async function person(name: string, role: Role, agencyId: string | null): Promise<void> {
  people[name] = await callerForUser(t.ctx, (await createTestUser(t.ctx, role, { agencyId })).id);
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  agencies = { a: await agencyIdOf(t.ctx, 'WALK-A'), b: await agencyIdOf(t.ctx, 'WALK-B'), c: await agencyIdOf(t.ctx, 'WALK-C') };
  procedure = await seedProcedure(t.ctx, agencies.a);
  await person('headA', 'agency_admin', agencies.a);
  await person('offA1', 'officer', agencies.a);
  await person('offA2', 'officer', agencies.a);
  await person('headB', 'agency_admin', agencies.b);
  await person('offB', 'officer', agencies.b);
  await person('offC', 'officer', agencies.c);
  await person('leader', 'leader', null);
  await person('owner', 'citizen', null);
  await person('stranger', 'citizen', null);
  const owner = userId(people.owner!);
  const now = Date.now();
  const seeds = [
    { status: 4, dueAt: new Date(now - 5 * HOUR) },
    { status: 4, dueAt: new Date(now + 2 * HOUR) },
    { status: 4, dueAt: new Date(now + 20 * 24 * HOUR), stepDueAt: new Date(now - HOUR) },
    { status: 4, dueAt: new Date(now + 20 * 24 * HOUR), feeTotal: 200000, feeStatus: 'unpaid' as const },
    { status: 2, dueAt: new Date(now + 10 * 24 * HOUR) },
    { status: 2, dueAt: new Date(now + 30 * HOUR), feeTotal: 50000, feeStatus: 'unpaid' as const },
    { status: 4, dueAt: new Date(now + 3 * 24 * HOUR), receivingAgencyId: agencies.b },
    { status: 4, dueAt: new Date(now + 6 * 24 * HOUR) },
    { status: 1, dueAt: null },
  ];
  dossierIds = [];
  for (const s of seeds) dossierIds.push((await seedDossier(t.ctx, procedure, { agencyId: agencies.a, applicantUserId: owner, ...s })).id);
});
after(() => t.close());

function userId(c: Caller): string {
  return (c.principal as UserPrincipal).id;
}

const load = (id: string) => psDb(t.ctx.db).selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const trail = (id: string) => psDb(t.ctx.db).selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();

/** Who can see a dossier at all, restated from the rules (owner, province-wide readers, staff of any agency it passed through). */
async function visibleTo(c: Caller, d: DossierRow): Promise<boolean> {
  const p = c.principal as UserPrincipal;
  if (d.applicant_user_id === p.id || d.submitter_user_id === p.id || p.role === 'leader' || p.role === 'system_admin') return true;
  if (!p.agencyId || (p.role !== 'officer' && p.role !== 'agency_admin')) return false;
  const events = await trail(d.id);
  const consulted = await psDb(t.ctx.db).selectFrom('dossier_consultations').select('to_agency_id').where('dossier_id', '=', d.id).execute();
  const touched = new Set([d.receiving_agency_id, d.handling_agency_id, ...events.flatMap((e) => [e.agency_id, e.to_agency_id]), ...consulted.map((x) => x.to_agency_id)]);
  return touched.has(p.agencyId);
}

/** One random command with random (sometimes nonsensical) input; returns the action and what to run. */
function randomCommand(rng: Random, d: DossierRow, openConsultation: { id: string; to: string } | undefined) {
  const action = rng.pick(PROCESSING_ACTIONS);
  const caller = people[rng.pick(Object.keys(people))]!;
  const ctx = t.ctx;
  const later = (hours: number) => new Date((d.due_at ? new Date(d.due_at).getTime() : Date.now()) + hours * HOUR);
  const consultationId = openConsultation?.id ?? '00000000-0000-4000-8000-000000000000';
  const runs: Record<ProcessingAction, () => Promise<unknown>> = {
    assign: () => assignDossier(ctx, caller, d.id, userId(people[rng.pick(['headA', 'offA1', 'offA2', 'offB', 'headB'])]!)),
    advance: () => advanceDossier(ctx, caller, d.id, { subState: rng.pick(['assigned', 'appraisal', 'awaiting_signature', 'signed'] as const) }),
    accept_transfer: () => acceptTransfer(ctx, caller, d.id, undefined),
    transfer: () => transferDossier(ctx, caller, d.id, { agencyId: rng.pick([agencies.a, agencies.b]), hours: rng.int(1, 16), note: 'Chuyển liên thông' }),
    consult: () => consultAgency(ctx, caller, d.id, { agencyId: rng.pick([agencies.b, agencies.c]), question: 'Xin ý kiến', hours: rng.int(1, 8) }),
    answer_consultation: () => answerConsultation(ctx, caller, d.id, consultationId, 'Đồng ý'),
    request_supplement: () => requestSupplement(ctx, caller, d.id, { items: ['Giấy tờ bổ sung'], ...(rng.chance(0.5) ? { reason: 'Thiếu giấy tờ' } : {}) }),
    supplement: () => supplyDocuments(ctx, caller, d.id, { files: [], note: 'Đã bổ sung' }),
    request_payment: () => requestPayment(ctx, caller, d.id, undefined),
    withdraw: () => withdrawDossier(ctx, caller, d.id, 'Không còn nhu cầu'),
    stop: () => stopDossier(ctx, caller, d.id, 'Dừng theo quy định'),
    apology: () => sendApology(ctx, caller, d.id, { reason: 'Chậm thẩm định', newDueAt: later(rng.int(-24, 72)) }),
    issue_result: () => issueResult(ctx, caller, d.id, { kind: 'template', outcome: rng.pick(['approved', 'rejected'] as const), resultNumber: `${rng.int(1, 999)}/GP`, title: 'Giấy phép', text: 'Nội dung' }),
    return: () => returnResult(ctx, caller, d.id, { method: rng.pick(['counter', 'post', 'online'] as const) }),
  };
  const facts = { consultedOpen: !!openConsultation && openConsultation.to === (caller.principal as UserPrincipal).agencyId && action === 'answer_consultation' };
  return { action, caller, run: runs[action], facts };
}

/** What must hold for every dossier after every command, successful or refused. */
async function assertInvariants(id: string, label: string): Promise<void> {
  const d = await load(id);
  const events = await trail(id);
  assert.ok(events.length > 0, `${label}: a trail exists`);
  assert.equal(events.at(-1)!.to_status, d.status, `${label}: the status is the last trail row's`);
  for (let i = 1; i < events.length; i++) assert.equal(events[i]!.from_status, events[i - 1]!.to_status, `${label}: the trail is a chain`);
  assert.equal(d.version, events.length, `${label}: one version per trail row`);
  const openPauses = await psDb(t.ctx.db).selectFrom('dossier_pauses').select('id').where('dossier_id', '=', id).where('ended_at', 'is', null).execute();
  assert.equal(d.status === 5, d.paused_since !== null, `${label}: paused_since iff status 5`);
  assert.equal(d.status === 5, openPauses.length === 1, `${label}: an open pause iff status 5`);
  assert.equal([7, 8, 9, 10].includes(d.status), d.finished_at !== null, `${label}: finished_at iff ended`);
  assert.equal(d.status === 10, d.returned_at !== null, `${label}: returned_at iff returned`);
  if (d.extended_due_at) assert.ok(events.some((e) => e.action === 'apology'), `${label}: a promised date comes from an apology`);
}

test('a seeded random walk over the commands never leaves a status without its trail row, and refusals follow the rules', async () => {
  const rng = new Random(SEED);
  const tally = { ok: 0, 400: 0, 403: 0, 404: 0, 409: 0 } as Record<string, number>;
  for (let step = 0; step < STEPS; step++) {
    const id = rng.pick(dossierIds);
    const before = await load(id);
    const eventsBefore = (await trail(id)).length;
    const open = await psDb(t.ctx.db).selectFrom('dossier_consultations').select(['id', 'to_agency_id']).where('dossier_id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
    const { action, caller, run, facts } = randomCommand(rng, before, open ? { id: open.id, to: open.to_agency_id } : undefined);
    const label = `step ${step} ${action} by ${(caller.principal as UserPrincipal).role} on status ${before.status}`;
    const expected = judge(action, caller.principal, before, facts);
    const visible = await visibleTo(caller, before);
    try {
      await run();
      tally.ok = (tally.ok ?? 0) + 1;
      assert.ok(visible && expected.ok, `${label}: succeeded although the rules refuse it (${JSON.stringify(expected)})`);
      assert.equal((await trail(id)).length, eventsBefore + 1, `${label}: exactly one trail row`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      tally[error.status] = (tally[error.status] ?? 0) + 1;
      assert.ok([400, 403, 404, 409].includes(error.status), `${label}: unexpected ${error.status} ${error.code}`);
      if (!visible) assert.equal(error.status, 404, `${label}: not visible → 404`);
      else if (action === 'answer_consultation' && !open) assert.equal(error.status, 404, `${label}: no open consultation → 404`);
      else if (expected.ok) assert.ok(!['dossier_wrong_status', 'dossier_action_forbidden'].includes(error.code), `${label}: the rules allow it, yet ${error.code}`);
      else if (!expected.ok && expected.kind === 'forbidden') assert.equal(error.status, 403, `${label}: ${error.code}`);
      else if (!expected.ok && expected.kind === 'wrong_status') assert.equal(error.code, 'dossier_wrong_status', label);
      assert.equal((await trail(id)).length, eventsBefore, `${label}: a refused command writes nothing`);
      assert.equal((await load(id)).version, before.version, `${label}: nor changes the row`);
    }
    await assertInvariants(id, label);
  }
  assert.ok(tally.ok! >= 15, `the walk exercised successful commands: ${JSON.stringify(tally)}`);
  assert.ok(tally[409]! > 0 && tally[403]! > 0 && tally[404]! > 0, `and each kind of refusal: ${JSON.stringify(tally)}`);
});

/** The counts restated as plain SQL over the table, for one agency (or the province). */
async function groundTruth(agencyId: string | null, me: string, now: Date) {
  const soon = await addWorkingHours(t.ctx.db, now, WORKING_DAY_HOURS);
  const ours = agencyId ? sql`(handling_agency_id = ${agencyId} or receiving_agency_id = ${agencyId})` : sql`true`;
  const count = async (where: ReturnType<typeof sql>) =>
    Number((await sql<{ n: string }>`select count(*) as n from dossiers where status in (2,4,5,6) and ${ours} and ${where}`.execute(t.ctx.db)).rows[0]!.n);
  const running = sql`status in (2,4,6) and paused_since is null`;
  const overdue = sql`(${running} and (due_at < ${now} or step_due_at < ${now}))`;
  return {
    receiving: Number((await sql<{ n: string }>`select count(*) as n from dossiers where status = 1 and ${agencyId ? sql`receiving_agency_id = ${agencyId}` : sql`true`}`.execute(t.ctx.db)).rows[0]!.n),
    open: await count(sql`true`),
    mine: await count(sql`assignee_id = ${me}`),
    dueSoon: await count(sql`${running} and not ${overdue} and (due_at <= ${soon} or step_due_at <= ${soon})`),
    overdue: await count(overdue),
    paused: await count(sql`(status = 5 or paused_since is not null)`),
    consultations: Number((await sql<{ n: string }>`select count(*) as n from dossier_consultations c join dossiers d on d.id = c.dossier_id where c.answered_at is null and d.status in (2,4,5,6) and ${agencyId ? sql`c.to_agency_id = ${agencyId}` : sql`true`}`.execute(t.ctx.db)).rows[0]!.n),
    consultationsOverdue: Number((await sql<{ n: string }>`select count(*) as n from dossier_consultations c join dossiers d on d.id = c.dossier_id where c.answered_at is null and c.due_at < ${now} and d.status in (2,4,5,6) and ${agencyId ? sql`c.to_agency_id = ${agencyId}` : sql`true`}`.execute(t.ctx.db)).rows[0]!.n),
  };
}

/** Dossiers in each colour on top of what the walk left, so no count is trivially zero. */
async function addKnownStates(): Promise<void> {
  const owner = userId(people.owner!);
  const seed = (s: Parameters<typeof seedDossier>[2]) => seedDossier(t.ctx, procedure, { applicantUserId: owner, ...s });
  const now = Date.now();
  await seed({ agencyId: agencies.a, assigneeId: userId(people.offA1!), dueAt: new Date(now - HOUR) });
  await seed({ agencyId: agencies.a, dueAt: new Date(now + 20 * 24 * HOUR), stepDueAt: new Date(now + 10 * 60_000) });
  await seed({ agencyId: agencies.a, status: 1, dueAt: null });
  const paused = await seed({ agencyId: agencies.a, dueAt: new Date(now - 2 * HOUR) });
  await requestSupplement(t.ctx, people.headA!, paused.id, { items: ['Tờ khai'] });
  const consulted = await seed({ agencyId: agencies.a, dueAt: new Date(now + 20 * 24 * HOUR) });
  const { consultationId } = await consultAgency(t.ctx, people.headA!, consulted.id, { agencyId: agencies.b, question: 'Xin ý kiến', hours: 2 });
  await psDb(t.ctx.db).updateTable('dossier_consultations').set({ due_at: new Date(now - HOUR) }).where('id', '=', consultationId).execute();
}

test('after the walk, queue counts equal the SQL ground truth for each agency and the province', async () => {
  await addKnownStates();
  const now = new Date();
  for (const [name, agencyId] of [['headA', agencies.a], ['offA1', agencies.a], ['headB', agencies.b], ['offC', agencies.c], ['leader', null]] as const) {
    const me = people[name]!.principal as UserPrincipal;
    const counts = await queueCounts(t.ctx, me, undefined, now);
    assert.deepEqual(counts, await groundTruth(agencyId, me.id, now), name);
  }
  const a = await queueCounts(t.ctx, people.offA1!.principal as UserPrincipal, undefined, now);
  assert.ok(a.overdue >= 1 && a.paused >= 1 && a.dueSoon >= 1 && a.receiving >= 1 && a.mine >= 1, `every figure is exercised: ${JSON.stringify(a)}`);
  const b = await queueCounts(t.ctx, people.offB!.principal as UserPrincipal, undefined, now);
  assert.ok(b.consultationsOverdue >= 1, `the consulted agency sees its overdue question: ${JSON.stringify(b)}`);
});

test('paging the agency queue three at a time returns each desk dossier once, earliest deadline first, coloured as the counts', async () => {
  const now = new Date();
  const me = people.headA!.principal as UserPrincipal;
  const seen: Array<{ id: string; dueAt: string | null; dueState: string; status: number }> = [];
  let cursor: string | undefined;
  do {
    const page = await queuePage(t.ctx, me, { limit: 3, ...(cursor ? { cursor } : {}) }, now);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const expected = await psDb(t.ctx.db)
    .selectFrom('dossiers')
    .select('id')
    .where('status', 'in', [2, 4, 5, 6, 9])
    .where((eb) => eb.or([eb('handling_agency_id', '=', agencies.a), eb('receiving_agency_id', '=', agencies.a)]))
    .execute();
  assert.deepEqual(seen.map((s) => s.id).sort(), expected.map((e) => e.id).sort());
  const dues = seen.filter((s) => s.dueAt).map((s) => Date.parse(s.dueAt!));
  assert.deepEqual(dues, [...dues].sort((x, y) => x - y), 'earliest deadline first');
  const counts = await queueCounts(t.ctx, me, undefined, now);
  const open = seen.filter((s) => [2, 4, 5, 6].includes(s.status));
  assert.equal(open.filter((s) => s.dueState === 'overdue').length, counts.overdue);
  assert.equal(open.filter((s) => s.dueState === 'paused').length, counts.paused);
  assert.equal(open.filter((s) => s.dueState === 'soon').length, counts.dueSoon);
  const overdue = await queuePage(t.ctx, me, { due: 'overdue', limit: 200 }, now);
  assert.equal(overdue.items.length, counts.overdue, 'the overdue filter lists what the count counts');
});
