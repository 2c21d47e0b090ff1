import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { workingCalendar } from '../../../platform/calendar/index.js';
import { dossiersWithPetition, petitionFigures } from './figures.js';
import type { PetitionClass } from './tables.js';

/**
 * A hand-made December 2026 (no holidays before 01/01/2027) on a database without demo data.
 * Answer clock: 15 working days from receipt (or the last transfer); reject clock: 2.
 */
let t: TestPlatform;
const agency: Record<'A' | 'B', string> = { A: '', B: '' };
const DOSSIER_DEC = randomUUID();
const DOSSIER_NOV = randomUUID();
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
const at = (local: string) => new Date(`${local}+07:00`);

let seq = 0;
async function agencyRow(code: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into agencies (code, name, kind, search_text) values (${code}, ${`Cơ quan thử ${code}`}, 'department', ${code}) returning id`.execute(t.ctx.db);
  return rows[0]!.id;
}

interface Fixture {
  created: string;
  cls?: PetitionClass | null;
  agencyKey?: 'A' | 'B';
  events?: Array<[kind: string, at: string]>;
  votes?: [likes: number, dislikes: number];
  reraiseOf?: string;
  dossierId?: string;
}

const voters: string[] = [];
async function petition(f: Fixture): Promise<string> {
  const db = t.ctx.db;
  const version = (await workingCalendar(db)).version;
  const commune = (await sql<{ code: string }>`select code from admin_units order by code limit 1`.execute(db)).rows[0]!.code;
  const { rows } = await sql<{ id: string }>`
    insert into feedback_reports (tracking_code, category_code, description, lat, lng, commune_code, agency_id, status, handling_class, source, accept_due_at, calendar_version, created_at)
    values (${`PA-T-${++seq}`}, 'pakn-thu', 'Phản ánh thử nghiệm về thủ tục.', 17.47, 106.6, ${commune}, ${agency[f.agencyKey ?? 'A']}, 'in_progress', 'pakn', 'web', ${at(f.created)}, ${version}, ${at(f.created)})
    returning id`.execute(db);
  const id = rows[0]!.id;
  await sql`insert into feedback_procedure_petitions (report_id, petition_class, procedure_code, dossier_id, reraise_of) values (${id}, ${f.cls === undefined ? 'procedure' : f.cls}, '1.000001', ${f.dossierId ?? null}, ${f.reraiseOf ?? null})`.execute(db);
  for (const [kind, when] of f.events ?? []) {
    await sql`insert into feedback_report_events (report_id, at, kind, public, actor_label) values (${id}, ${at(when)}, ${kind}, true, 'test')`.execute(db);
  }
  const [likes, dislikes] = f.votes ?? [0, 0];
  for (const [i, user] of voters.slice(0, likes + dislikes).entries()) {
    await sql`insert into feedback_petition_votes (report_id, user_id, vote) values (${id}, ${user}, ${i < likes ? 1 : -1})`.execute(db);
  }
  return id;
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  agency.A = await agencyRow('PAKN-A');
  agency.B = await agencyRow('PAKN-B');
  await sql`insert into feedback_categories (code, name_vi, name_en, group_vi, group_en, responsible, agency_id, handling_class) values ('pakn-thu', 'PAKN thử', 'Test petition', 'Dịch vụ công', 'Public services', 'agency', ${agency.A}, 'pakn')`.execute(t.ctx.db);
  for (const n of [1, 2, 3]) {
    const { rows } = await sql<{ id: string }>`insert into users (email, full_name, password_hash, role, search_text) values (${`voter${n}@test.tinhso.vn`}, ${`Voter ${n}`}, 'x', 'citizen', '') returning id`.execute(t.ctx.db);
    voters.push(rows[0]!.id);
  }
  // P1: received in November, answered on time in December (due 11/12).
  await petition({ created: '2026-11-20T09:00:00', events: [['resolve', '2026-12-03T10:00:00']], dossierId: DOSSIER_NOV });
  // P2: received and answered in November: nothing to handle in December.
  await petition({ created: '2026-11-10T09:00:00', events: [['resolve', '2026-11-25T10:00:00']] });
  // P3: answered on time, but 1 like against 2 dislikes.
  await petition({ created: '2026-12-01T09:00:00', events: [['resolve', '2026-12-10T10:00:00']], votes: [1, 2], dossierId: DOSSIER_DEC });
  // P4: officer conduct, refused on 04/12 09:00 after the reject clock ran out (03/12 17:00).
  await petition({ created: '2026-12-01T09:00:00', cls: 'officer_conduct', events: [['refuse', '2026-12-04T09:00:00']], dossierId: DOSSIER_DEC });
  // P5: not classified, still open after its answer clock (23/12) ran out.
  await petition({ created: '2026-12-02T09:00:00', cls: null });
  // P6: open, due 13/01/2027 (New Year's Day skipped).
  await petition({ created: '2026-12-21T09:00:00' });
  // P7: answered on time, 2 likes against 1 dislike, then re-raised by P8.
  const p7 = await petition({ created: '2026-12-14T09:00:00', events: [['resolve', '2026-12-15T10:00:00']], votes: [2, 1] });
  // P8: the re-raise, open and within time (due 07/01/2027): not a first receipt.
  await petition({ created: '2026-12-16T09:00:00', reraiseOf: p7 });
  // P9: answered on 30/12, late from receipt (29/12) but on time from the transfer on 09/12 (30/12).
  await petition({ created: '2026-12-08T09:00:00', events: [['transfer', '2026-12-09T10:00:00'], ['resolve', '2026-12-30T10:00:00']] });
  // P10: answered on time, then reopened by the reporter.
  await petition({ created: '2026-12-03T09:00:00', events: [['resolve', '2026-12-04T10:00:00'], ['reopened', '2026-12-07T10:00:00']] });
  // P11: another agency, answered on time.
  await petition({ created: '2026-12-02T09:00:00', agencyKey: 'B', events: [['resolve', '2026-12-03T10:00:00']] });
});
after(() => t.close());

test('petitionFigures for December 2026 gives the hand-computed 5.1, 5.2 and 5.3 figures', async () => {
  assert.deepEqual(await petitionFigures(t.ctx.db, DECEMBER), {
    received: 9,
    classified: 8,
    byClass: { procedure: 7, officer_conduct: 1 },
    toHandle: 10,
    handledOnTime: 6,
    handledLate: 1,
    inProgressWithinTime: 2,
    inProgressOverdue: 1,
    firstReceived: 8,
    dislikedMore: 1,
    late: 2,
    reraised: 2,
    unsatisfied: 5,
    satisfied: 3,
  });
});

test('petitionFigures filtered to one agency leaves out the other agency’s petitions', async () => {
  const f = await petitionFigures(t.ctx.db, DECEMBER, { agencyId: agency.A });
  assert.deepEqual([f.received, f.classified, f.byClass.procedure, f.toHandle, f.handledOnTime, f.firstReceived, f.satisfied], [8, 7, 6, 9, 5, 7, 2]);
  const b = await petitionFigures(t.ctx.db, DECEMBER, { agencyId: agency.B });
  assert.deepEqual([b.received, b.toHandle, b.handledOnTime, b.firstReceived, b.satisfied], [1, 1, 1, 1, 1]);
});

test('a period with no petitions gives zeros (5.2 and 5.3 then take their "none" rule)', async () => {
  const f = await petitionFigures(t.ctx.db, { from: '2025-01-01', to: '2025-01-31' });
  assert.equal(f.received + f.toHandle + f.firstReceived + f.satisfied, 0);
});

test('dossiersWithPetition lists each dossier named by a petition received in the period once', async () => {
  assert.deepEqual(await dossiersWithPetition(t.ctx.db, DECEMBER), { count: 1, dossierIds: [DOSSIER_DEC] });
  assert.deepEqual(await dossiersWithPetition(t.ctx.db, { from: '2026-11-01', to: '2026-11-30' }), { count: 1, dossierIds: [DOSSIER_NOV] });
});
