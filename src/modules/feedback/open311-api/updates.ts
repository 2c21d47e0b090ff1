import { sql } from 'kysely';
import type { App, AppContext } from '../../../platform/http/module.js';
import { actorOf } from '../../../platform/http/access.js';
import { findActiveApiKey } from '../../../platform/identity/api-keys.js';
import { open311Error, open311Errors, parseExtendedStatus, parseUpdatesQuery, requestUpdateView, sendOpen311, windowHeaders, type FeedbackOutcome, type FeedbackState } from '../open311/index.js';
import { feedbackDb, platformTrx } from '../tables.js';
import { open311Endpoint } from './endpoint.js';
import { moderationDb } from '../moderation/tables.js';
import { publicEventData } from '../moderation/visibility.js';
import { jurisdictions } from './context.js';

/** The state a report is in right after each kind of timeline event. */
const STATE_AFTER: Record<string, FeedbackState> = {
  received: 'new',
  accept: 'accepted',
  start: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  refuse: 'closed',
  transfer: 'new',
  reopened: 'in_progress',
  external_update: 'in_progress',
};

function text(data: Record<string, unknown>): string | null {
  for (const key of ['resultText', 'reason', 'description']) if (typeof data[key] === 'string') return data[key] as string;
  return null;
}

/** mySociety's `servicerequestupdates`: the public history as status updates, and updates sent in by clients. */
export function registerUpdateEndpoints(app: App, ctx: AppContext): void {
  open311Endpoint(app, 'GET', '/open311/v2/servicerequestupdates', 'Status updates in a time window (mySociety extension)', async ({ request, reply, format, lang }) => {
    const parsed = parseUpdatesQuery(request.query, { jurisdictions: jurisdictions(ctx), now: new Date() });
    if (!parsed.ok) throw parsed.error;
    const { window, limit } = parsed.value;
    const rows = await moderationDb(ctx.db)
      .selectFrom('feedback_report_events as e')
      .innerJoin('feedback_reports as r', 'r.id', 'e.report_id')
      .select(['e.id', 'e.kind', 'e.at', 'e.data', 'e.hidden_reason', 'r.result_hidden_reason', 'r.tracking_code', 'r.reopen_count'])
      .where('e.public', '=', true)
      .where('e.kind', 'in', Object.keys(STATE_AFTER).filter((k) => k !== 'received'))
      .where('e.at', '>=', window!.start)
      .where('e.at', '<=', window!.end)
      .orderBy('e.id')
      .limit(limit)
      .execute();
    for (const [name, value] of Object.entries(windowHeaders(window))) reply.header(name, value);
    const views = rows.map((e) => {
      // Text a moderator hid stays out of this public output as it does out of the web views.
      const data = publicEventData(e.data as Record<string, unknown>, e.hidden_reason !== null, e.result_hidden_reason !== null);
      const outcome = (e.kind === 'refuse' ? 'refused' : (data.outcome as FeedbackOutcome | undefined)) ?? null;
      return requestUpdateView({ updateId: String(e.id), requestId: e.tracking_code, state: STATE_AFTER[e.kind]!, outcome, reopened: e.kind === 'reopened', at: e.at, description: text(data) }, lang);
    });
    return sendOpen311(reply, format, 'service_request_updates', 'request_update', views);
  });

  open311Endpoint(app, 'POST', '/open311/v2/servicerequestupdates', 'Add an update to a request (mySociety extension; api_key with the open311 scope)', async ({ request, reply, format }) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' || typeof body[name] === 'number' ? String(body[name]).trim() : '');
    const apiKey = field('api_key');
    if (!apiKey) throw open311Errors.apiKeyMissing();
    const key = await findActiveApiKey(ctx.db, apiKey);
    if (!key || !key.scopes.includes('open311')) throw open311Errors.apiKeyInvalid();
    request.principal = { kind: 'api_key', id: key.id, name: key.name, scopes: key.scopes, agencyId: key.agency_id };
    const requestId = field('service_request_id');
    const updateId = field('update_id');
    const description = field('description').slice(0, 4000);
    const missing = ['service_request_id', 'update_id', 'description', 'status'].filter((n) => !field(n));
    if (missing.length > 0) throw open311Error(400, 'missing_fields', { vi: `Thiếu: ${missing.join(', ')}.`, en: `Missing: ${missing.join(', ')}.` });
    const status = parseExtendedStatus(field('status'));
    if (!status) throw open311Error(400, 'invalid_status', { vi: 'Trạng thái không hợp lệ.', en: 'Unknown status.' });
    const saved = await feedbackDb(ctx.db).transaction().execute(async (trx) => {
      const report = await trx.selectFrom('feedback_reports').select(['id', 'status', 'reopen_count']).where('tracking_code', '=', requestId).forUpdate().executeTakeFirst();
      if (!report) throw open311Errors.requestNotFound(requestId);
      const seen = await trx.selectFrom('feedback_report_events').select('id').where('report_id', '=', report.id).where(sql<boolean>`data->>'clientUpdateId' = ${updateId}`).executeTakeFirst();
      if (seen) throw open311Errors.updateExists(updateId);
      // "Not fixed" from the outside puts the report back in the agency's queue, as our own reopen does.
      const reopen = (status === 'REOPEN' || status === 'OPEN') && (report.status === 'resolved' || report.status === 'closed');
      if (reopen) {
        await trx.updateTable('feedback_reports').set({ status: 'in_progress', outcome: null, outcome_reason: null, closed_at: null, resolved_at: null, reopen_count: report.reopen_count + 1, updated_at: new Date() }).where('id', '=', report.id).execute();
      }
      const event = await trx
        .insertInto('feedback_report_events')
        .values({ report_id: report.id, kind: reopen ? 'reopened' : 'external_update', public: true, actor_user_id: null, actor_label: `open311:${key.name}`, agency_id: null, data: JSON.stringify({ description, clientUpdateId: updateId, status }) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.open311_update', targetType: 'feedback_report', targetId: report.id, ip: request.ip, requestId: String(request.id), details: { updateId, status, reopened: reopen } });
      return event.id;
    });
    return sendOpen311(reply, format, 'service_request_updates', 'request_update', [{ update_id: String(saved) }]);
  });
}
