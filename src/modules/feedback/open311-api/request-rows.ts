import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { feedbackDb } from '../tables.js';
import { photoUrlsOf } from '../views.js';
import { distanceMetres } from '../nearby.js';
import type { RequestsQuery, ServiceRequestInput } from '../open311/index.js';
import { absoluteUrl } from './context.js';
import { HIDDEN_TEXT } from '../moderation/visibility.js';

/** Reports as Open311 requests: only public fields (the views have no place for personal data). */
function requestQuery(ctx: AppContext) {
  return feedbackDb(ctx.db)
    .selectFrom('feedback_reports as r')
    .innerJoin('feedback_categories as c', 'c.code', 'r.category_code')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.tracking_code',
      'r.status',
      'r.outcome',
      'r.outcome_reason',
      'r.reopen_count',
      'r.transferred_to',
      'r.category_code',
      'c.name_vi',
      'c.name_en',
      'r.description',
      'r.hidden_reason',
      'a.name as agency_name',
      'a.name_en as agency_name_en',
      'r.created_at',
      'r.updated_at',
      'r.closed_at',
      'r.due_at',
      'r.address',
      'r.lat',
      'r.lng',
      'r.media_urls',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

export async function findRequests(ctx: AppContext, q: RequestsQuery): Promise<ServiceRequestInput[]> {
  let query = requestQuery(ctx).orderBy('r.created_at', 'desc').orderBy('r.tracking_code', 'desc').limit(q.limit).offset(q.offset);
  if (q.ids) query = query.where('r.tracking_code', 'in', q.ids);
  else {
    if (q.serviceCodes) query = query.where('r.category_code', 'in', q.serviceCodes);
    if (q.statuses && q.statuses.length === 1) query = q.statuses[0] === 'closed' ? query.where('r.status', '=', 'closed') : query.where('r.status', '!=', 'closed');
    if (q.window) query = query.where('r.created_at', '>=', q.window.start).where('r.created_at', '<=', q.window.end);
    if (q.updatedAfter) query = query.where('r.updated_at', '>=', q.updatedAfter);
    if (q.updatedBefore) query = query.where('r.updated_at', '<=', q.updatedBefore);
    if (q.bbox) query = query.where('r.lat', '>=', q.bbox.minLat).where('r.lat', '<=', q.bbox.maxLat).where('r.lng', '>=', q.bbox.minLng).where('r.lng', '<=', q.bbox.maxLng);
    if (q.near) {
      const d = q.near.radius / 111_320;
      const dl = d / Math.max(Math.cos((q.near.lat * Math.PI) / 180), 0.01);
      query = query.where('r.lat', '>=', q.near.lat - d).where('r.lat', '<=', q.near.lat + d).where('r.lng', '>=', q.near.long - dl).where('r.lng', '<=', q.near.long + dl);
    }
    if (q.agencies) query = query.where((eb) => eb.or(q.agencies!.map((name) => eb(sql`lower(a.name)`, '=', name.toLowerCase()).or('a.code', '=', name).or(sql<string>`a.id::text`, '=', name))));
  }
  const rows = await query.execute();
  const photos = await photoUrlsOf(feedbackDb(ctx.db), rows.map((r) => r.id));
  return rows.filter((r) => !q.near || distanceMetres(q.near.lat, q.near.long, r.lat, r.lng) <= q.near.radius).map((r) => toInput(ctx, r, photos.get(r.id) ?? []));
}

export async function findRequest(ctx: AppContext, trackingCode: string): Promise<ServiceRequestInput | undefined> {
  const row = await requestQuery(ctx).where('r.tracking_code', '=', trackingCode).executeTakeFirst();
  if (!row) return undefined;
  const photos = await photoUrlsOf(feedbackDb(ctx.db), [row.id]);
  return toInput(ctx, row, photos.get(row.id) ?? []);
}

function toInput(ctx: AppContext, r: Row, photoPaths: string[]): ServiceRequestInput {
  const hidden = r.hidden_reason !== null;
  return {
    id: r.tracking_code,
    trackingCode: r.tracking_code,
    state: r.status,
    outcome: r.outcome,
    reopened: r.reopen_count > 0 && r.status === 'in_progress',
    referredWithinProvince: r.outcome === 'not_ours' && r.transferred_to !== null,
    serviceCode: r.category_code,
    serviceName: { vi: r.name_vi, en: r.name_en },
    description: hidden ? HIDDEN_TEXT : r.description,
    agencyResponsible: { vi: r.agency_name, en: r.agency_name_en ?? r.agency_name },
    statusDetail: r.outcome_reason,
    requestedAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    expectedAt: r.due_at,
    address: r.address,
    lat: r.lat,
    long: r.lng,
    // Own photos are moderated one by one (photoUrlsOf leaves hidden ones out); addresses a client
    // sent cannot be, so they go with the text when it is hidden.
    mediaUrls: [...photoPaths.map((p) => absoluteUrl(ctx, p)), ...(hidden ? [] : (r.media_urls ?? []))],
  };
}
