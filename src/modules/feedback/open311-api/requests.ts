import type { App, AppContext } from '../../../platform/http/module.js';
import { findActiveApiKey } from '../../../platform/identity/api-keys.js';
import { open311Error, open311Errors, parsePostRequest, parseRequestsQuery, postResponseView, sendOpen311, serviceRequestView, tokenView, validateAttributes, windowHeaders, type AttributeSpec } from '../open311/index.js';
import { feedbackDb } from '../tables.js';
import { listCategories } from '../categories.js';
import { createReport } from '../create-report.js';
import { open311Endpoint } from './endpoint.js';
import { jurisdictions } from './context.js';
import { findRequest, findRequests } from './request-rows.js';

export function registerRequestEndpoints(app: App, ctx: AppContext): void {
  open311Endpoint(app, 'GET', '/open311/v2/requests', 'Open311 service requests (public fields only)', async ({ request, reply, format, lang }) => {
    const parsed = parseRequestsQuery(request.query, { jurisdictions: jurisdictions(ctx), now: new Date() });
    if (!parsed.ok) throw parsed.error;
    const items = await findRequests(ctx, parsed.value);
    for (const [name, value] of Object.entries(windowHeaders(parsed.value.window))) reply.header(name, value);
    return sendOpen311(reply, format, 'service_requests', 'request', items.map((i) => serviceRequestView(i, { lang, extensions: parsed.value.extensions })));
  });

  open311Endpoint(app, 'GET', '/open311/v2/requests/:id', 'One Open311 service request', async ({ request, reply, format, lang, id }) => {
    const item = await findRequest(ctx, id);
    if (!item) throw open311Errors.requestNotFound(id);
    const extensions = String((request.query as Record<string, unknown>).extensions ?? '') === 'true';
    return sendOpen311(reply, format, 'service_requests', 'request', [serviceRequestView(item, { lang, extensions })]);
  });

  open311Endpoint(app, 'GET', '/open311/v2/tokens/:id', 'The service request id behind a token', async ({ reply, format, id }) => {
    const row = await feedbackDb(ctx.db).selectFrom('feedback_reports').select('tracking_code').where('open311_token', '=', id).executeTakeFirst();
    if (!row) throw open311Errors.tokenNotFound(id);
    return sendOpen311(reply, format, 'service_requests', 'request', [tokenView(id, row.tracking_code)]);
  });

  open311Endpoint(app, 'POST', '/open311/v2/requests', 'Create an Open311 service request (api_key with the open311 scope)', async ({ request, reply, format, lang }) => {
    const parsed = parsePostRequest(request.body, { jurisdictions: jurisdictions(ctx), query: request.query as Record<string, string> });
    if (!parsed.ok) throw parsed.error;
    const submission = parsed.value;
    const key = await findActiveApiKey(ctx.db, submission.apiKey);
    if (!key || !key.scopes.includes('open311')) throw open311Errors.apiKeyInvalid();
    // From here the key is the caller: the audit trail names it.
    request.principal = { kind: 'api_key', id: key.id, name: key.name, scopes: key.scopes, agencyId: key.agency_id };
    const category = (await listCategories(ctx)).find((c) => c.code === submission.serviceCode);
    if (!category) throw open311Errors.serviceNotFound(submission.serviceCode);
    const specs: AttributeSpec[] = category.attributes.map((a) => ({ code: a.code, datatype: a.datatype as AttributeSpec['datatype'], required: a.required, description: a.description, values: a.values }));
    const attributes = validateAttributes(submission.attributes, specs);
    if (!attributes.ok) throw attributes.error;
    if (submission.lat === null || submission.long === null) {
      throw open311Error(400, 'location_required', { vi: 'Cần tọa độ lat và long (chưa hỗ trợ địa chỉ văn bản).', en: 'lat and long are required (address-only requests are not supported).' });
    }
    const name = [submission.firstName, submission.lastName].filter(Boolean).join(' ') || undefined;
    const created = await createReport(
      ctx,
      request,
      {
        categoryCode: category.code,
        description: submission.description ?? '',
        lat: submission.lat,
        lng: submission.long,
        ...(submission.addressString ? { address: submission.addressString } : {}),
        attributes: attributes.value.values,
        hideName: true,
        contact: { ...(name ? { name } : {}), ...(submission.email ? { email: submission.email } : {}), ...(submission.phone ? { phone: submission.phone } : {}) },
      },
      [],
      'open311',
      { mediaUrls: submission.mediaUrls },
    );
    return sendOpen311(reply, format, 'service_requests', 'request', [postResponseView({ id: created.trackingCode, accountId: submission.accountId }, lang)]);
  });
}
