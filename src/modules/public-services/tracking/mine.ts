import { sql } from 'kysely';
import { requireUser } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { Page } from '../../../platform/http/schema.js';
import { FINISHED, RETURNED, statusLabel } from '../statuses.js';
import { psDb, type PsDb } from '../tables.js';
import { MineItem, MineQuery } from './schemas.js';
import { onTimeOf, resultFileAvailable } from './view.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function cursorKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
  }
  return [at, id];
}

/**
 * The dossiers a person filed or is the applicant of (not drafts: they have their own list), newest
 * first. `results`: only those with a result (finished or returned).
 */
export async function myDossiers(db: PsDb, userId: string, view: 'all' | 'results', limit: number, cursor: string | undefined) {
  const after = cursorKey(cursor);
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .leftJoin('dossier_evaluations as e', 'e.dossier_id', 'd.id')
    .selectAll('d')
    .select(['v.name as procedure_name', 'v.version as procedure_version', 'e.dossier_id as evaluation_of'])
    .select((eb) => eb.exists(eb.selectFrom('dossier_documents as r').select('r.id').whereRef('r.dossier_id', '=', 'd.id').where('r.kind', '=', 'result')).as('has_result_document'))
    .where((eb) => eb.or([eb('d.applicant_user_id', '=', userId), eb('d.submitter_user_id', '=', userId)]))
    .where('d.status', '>', 0)
    .$if(view === 'results', (q) => q.where('d.status', 'in', [FINISHED, RETURNED]))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(d.created_at, d.id) < (${after![0]}::timestamptz, ${after![1]}::uuid)`))
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(rows, limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const finished = r.status === FINISHED || r.status === RETURNED;
      return {
        id: r.id,
        code: r.code,
        procedure: { code: r.procedure_code, name: r.procedure_name, version: r.procedure_version },
        status: r.status,
        statusLabel: statusLabel(r.status),
        subState: r.sub_state,
        channel: r.channel,
        applicantName: r.applicant.name,
        onBehalf: r.on_behalf,
        submittedAt: iso(r.submitted_at),
        receivedAt: iso(r.received_at),
        dueAt: iso(r.due_at),
        finishedAt: iso(r.finished_at),
        returnedAt: iso(r.returned_at),
        onTime: onTimeOf(r),
        outcome: r.outcome,
        resultNumber: r.result_number,
        resultAvailable: resultFileAvailable(r, r.has_result_document ? 1 : 0),
        feeTotal: Number(r.fee_total),
        feeStatus: r.fee_status,
        evaluated: r.evaluation_of !== null,
        canEvaluate: finished && r.evaluation_of === null,
      };
    }),
  };
}

export function registerMineRoute(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/dossiers/mine',
    {
      config: { access: { roles: '*' } },
      schema: { tags: ['public-services'], summary: 'My dossiers, as applicant or filer (view=results: those with a result)', querystring: MineQuery, response: { 200: Page(MineItem) } },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      return myDossiers(psDb(ctx.db), user.id, q.view ?? 'all', q.limit ?? 20, q.cursor);
    },
  );
}
