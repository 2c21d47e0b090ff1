/**
 * Builders for the request-side views: service requests, the POST response, the token response and
 * mySociety's request updates. Personal data (names, phones, e-mails, account and device ids) has no
 * field here at all, so no route can leak it by accident (decision A9); the POST response echoes
 * only the caller's own `account_id`.
 */
import { w3cDatetime, w3cDatetimeOrNull, type Instant } from './datetime.js';
import { describeStatus, lowerExtended, statusNotes, type StatusInput } from './status-map.js';
import type { Language, NoteView, PostResponseView, RequestUpdateView, ServiceRequestView, Text, TokenView } from './types.js';
import { pick, pickOrNull } from './views.js';

const id = (value: string | number) => String(value);
const idOrNull = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : String(value));

export interface ServiceRequestInput extends StatusInput {
  id: string | number;
  /** Shown to citizens instead of the internal id when it differs (our tracking code). */
  trackingCode?: string | null;
  serviceCode: string;
  serviceName?: Text | null;
  description?: string | null;
  agencyResponsible?: Text | null;
  serviceNotice?: Text | null;
  /** Replaces the default notes of the state; `statusDetail` is appended to the default instead. */
  statusNotes?: Text | null;
  statusDetail?: string | null;
  requestedAt: Instant;
  updatedAt?: Instant | null;
  /** For a closed request `updated_datetime` is the close time (spec §1.7). */
  closedAt?: Instant | null;
  /** The promised deadline (decision A11: always given when known). */
  expectedAt?: Instant | null;
  address?: string | null;
  addressId?: string | number | null;
  zipcode?: string | null;
  lat?: number | null;
  long?: number | null;
  /** Public, redacted photo URLs; the first is `media_url`, all are in the extension. */
  mediaUrls?: string[];
  /** Public history for `extensions=true`. */
  notes?: Array<{ at: Instant; description: Text; type: string }>;
}

export interface RequestViewOptions {
  lang: Language;
  /** `extensions=true`: add `extended_attributes` and `notes`. */
  extensions?: boolean;
}

export function serviceRequestView(input: ServiceRequestInput, options: RequestViewOptions): ServiceRequestView {
  const { lang } = options;
  const mapping = describeStatus(input);
  const notes = input.statusNotes ? pick(input.statusNotes, lang) : statusNotes(mapping, lang, input.statusDetail);
  const updated = mapping.status === 'closed' && input.closedAt ? input.closedAt : input.updatedAt;
  const media = (input.mediaUrls ?? []).filter((u) => u !== '');
  const view: ServiceRequestView = {
    service_request_id: id(input.id),
    status: mapping.status,
    status_notes: notes,
    service_name: pickOrNull(input.serviceName, lang),
    service_code: id(input.serviceCode),
    description: pickOrNull(input.description, lang),
    agency_responsible: pickOrNull(input.agencyResponsible, lang),
    service_notice: pickOrNull(input.serviceNotice, lang),
    requested_datetime: w3cDatetime(input.requestedAt),
    updated_datetime: w3cDatetimeOrNull(updated),
    expected_datetime: w3cDatetimeOrNull(input.expectedAt),
    address: pickOrNull(input.address, lang),
    address_id: idOrNull(input.addressId),
    zipcode: pickOrNull(input.zipcode, lang),
    lat: input.lat ?? null,
    long: input.long ?? null,
    media_url: media[0] ?? null,
  };
  if (options.extensions) {
    view.extended_attributes = {
      detailed_status: lowerExtended(mapping.extended),
      external_status_code: mapping.code,
      tracking_code: input.trackingCode ?? null,
      photos: media.map((url) => ({ media_url: url })),
    };
    view.notes = (input.notes ?? []).map(
      (n): NoteView => ({ datetime: w3cDatetime(n.at), description: pick(n.description, lang), type: n.type }),
    );
  }
  return view;
}

export interface PostResponseInput {
  id?: string | number | null;
  /** Only for `batch` services; our services are `realtime`, so normally absent. */
  token?: string | null;
  serviceNotice?: Text | null;
  accountId?: string | number | null;
}

/**
 * The POST response item. The spec returns either the id or a token, never both; `service_notice`
 * and `account_id` are always present (empty when none), as in the spec's own example.
 */
export function postResponseView(input: PostResponseInput, lang: Language): PostResponseView {
  const requestId = idOrNull(input.id);
  if (requestId === null && !input.token) throw new Error('A POST response needs an id or a token');
  const head = requestId !== null ? { service_request_id: requestId } : { token: String(input.token) };
  return { ...head, service_notice: pickOrNull(input.serviceNotice, lang), account_id: idOrNull(input.accountId) };
}

/** The token response: the id once it exists, `null` while it does not (clients keep polling). */
export function tokenView(token: string, requestId: string | number | null | undefined): TokenView {
  return { service_request_id: idOrNull(requestId), token: String(token) };
}

export interface RequestUpdateInput extends StatusInput {
  updateId: string | number;
  requestId: string | number;
  trackingCode?: string | null;
  at: Instant;
  description?: Text | null;
  mediaUrls?: string[];
}

/** One mySociety request update; `status` is the lower-case extended status clients map from. */
export function requestUpdateView(input: RequestUpdateInput, lang: Language): RequestUpdateView {
  const mapping = describeStatus(input);
  const media = (input.mediaUrls ?? []).filter((u) => u !== '');
  return {
    update_id: id(input.updateId),
    service_request_id: id(input.requestId),
    status: lowerExtended(mapping.extended),
    updated_datetime: w3cDatetime(input.at),
    description: pickOrNull(input.description, lang),
    media_url: media[0] ?? null,
    external_status_code: mapping.code,
    customer_reference: input.trackingCode ?? null,
  };
}
