import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf, requireUser } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { asPlatform, petitionDb, type PetitionClass } from './tables.js';

export interface PetitionView {
  petitionClass: PetitionClass | null;
  procedureCode: string | null;
  linkedToDossier: boolean;
  reraiseOf: string | null;
  answered: boolean;
  likes: number;
  dislikes: number;
  myVote: 'like' | 'dislike' | null;
}

/**
 * The public petition facts of a report: class, procedure, whether a dossier is linked (its code
 * stays with the agency: it leads to the applicant), the tracking code it re-raises, and the votes.
 */
export async function petitionView(ctx: AppContext, request: FastifyRequest, reportId: string): Promise<PetitionView> {
  const db = petitionDb(ctx.db);
  const row = await db
    .selectFrom('feedback_procedure_petitions as p')
    .leftJoin('feedback_reports as earlier', 'earlier.id', 'p.reraise_of')
    .select(['p.petition_class', 'p.procedure_code', 'p.dossier_code', 'earlier.tracking_code as reraise_code'])
    .where('p.report_id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('Phản ánh này không phải phản ánh, kiến nghị về thủ tục hành chính.', 'This report is not a petition about a procedure.');
  const userId = request.principal.kind === 'user' ? request.principal.id : null;
  const tally = await voteTally(ctx, reportId, userId);
  return { petitionClass: row.petition_class, procedureCode: row.procedure_code, linkedToDossier: row.dossier_code !== null, reraiseOf: row.reraise_code ?? null, answered: await isAnswered(ctx, reportId), ...tally };
}

async function voteTally(ctx: AppContext, reportId: string, userId: string | null): Promise<Pick<PetitionView, 'likes' | 'dislikes' | 'myVote'>> {
  const { rows } = await sql<{ likes: number; dislikes: number; mine: number | null }>`
    select count(*) filter (where vote = 1)::int as likes, count(*) filter (where vote = -1)::int as dislikes,
      max(case when user_id = ${userId} then vote end)::int as mine
    from feedback_petition_votes where report_id = ${reportId}`.execute(ctx.db);
  const r = rows[0]!;
  return { likes: r.likes, dislikes: r.dislikes, myVote: r.mine === 1 ? 'like' : r.mine === -1 ? 'dislike' : null };
}

/** Answered: the agency has published a result (a `resolve` event), even if later reopened. */
async function isAnswered(ctx: AppContext, reportId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from feedback_report_events where report_id = ${reportId} and kind = 'resolve'`.execute(ctx.db);
  return rows[0]!.n > 0;
}

/**
 * Like or dislike an answered petition (thích / không thích): one vote per signed-in person, which
 * they may change. 404 for a report that is no petition, 409 `not_answered` before the answer.
 */
export async function votePetition(ctx: AppContext, request: FastifyRequest, reportId: string, vote: 'like' | 'dislike'): Promise<PetitionView> {
  const me = requireUser(request);
  const db = petitionDb(ctx.db);
  const exists = await db.selectFrom('feedback_procedure_petitions').select('report_id').where('report_id', '=', reportId).executeTakeFirst();
  if (!exists) throw errors.notFound('Phản ánh này không phải phản ánh, kiến nghị về thủ tục hành chính.', 'This report is not a petition about a procedure.');
  if (!(await isAnswered(ctx, reportId))) throw errors.conflict('not_answered', 'Chỉ bày tỏ ý kiến khi phản ánh đã được trả lời.', 'You can vote once the petition has been answered.');
  const value = vote === 'like' ? 1 : -1;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_petition_votes')
      .values({ report_id: reportId, user_id: me.id, vote: value, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['report_id', 'user_id']).doUpdateSet({ vote: value, updated_at: new Date() }))
      .execute();
    await ctx.audit.record(asPlatform(trx), { actor: actorOf(request), action: 'feedback.petition.vote', targetType: 'feedback_report', targetId: reportId, ip: request.ip, requestId: String(request.id), details: { vote } });
  });
  return petitionView(ctx, request, reportId);
}

/**
 * An officer of the handling agency (or a system admin) sets or corrects the class (5.1's split).
 * Internal timeline entry and audit record, one transaction.
 */
export async function classifyPetition(ctx: AppContext, request: FastifyRequest, reportId: string, petitionClass: PetitionClass): Promise<PetitionView> {
  const me = requireUser(request);
  const db = petitionDb(ctx.db);
  const row = await db
    .selectFrom('feedback_procedure_petitions as p')
    .innerJoin('feedback_reports as r', 'r.id', 'p.report_id')
    .select(['r.agency_id', 'p.petition_class'])
    .where('p.report_id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('Phản ánh này không phải phản ánh, kiến nghị về thủ tục hành chính.', 'This report is not a petition about a procedure.');
  if (me.role !== 'system_admin' && me.agencyId !== row.agency_id) throw errors.forbidden('Phản ánh này không thuộc cơ quan của bạn.', 'This report is not with your agency.');
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('feedback_procedure_petitions').set({ petition_class: petitionClass, classified_at: now, classified_by: me.id }).where('report_id', '=', reportId).execute();
    await trx.insertInto('feedback_report_events').values({ report_id: reportId, at: now, kind: 'petition_class', public: false, actor_user_id: me.id, actor_label: me.fullName, agency_id: me.agencyId, data: JSON.stringify({ petitionClass, previous: row.petition_class }) }).execute();
    await ctx.audit.record(asPlatform(trx), { actor: actorOf(request), action: 'feedback.petition.classify', targetType: 'feedback_report', targetId: reportId, ip: request.ip, requestId: String(request.id), details: { petitionClass, previous: row.petition_class } });
  });
  return petitionView(ctx, request, reportId);
}
