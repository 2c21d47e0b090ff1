/**
 * The Open311 GeoReport v2 views, field for field, in the order the specification lists them (XML
 * output follows object key order, so the order here is the order on the wire).
 *
 * Null policy (see README): a field the specification requires is always a string ("" when we have
 * nothing); an optional standard field is always present and `null` when unknown (an empty element in
 * XML); extension fields are present only when asked for. Identifiers are always strings.
 */

export type Language = 'vi' | 'en';
/** Text we hold in both languages; views pick one. */
export type Text = string | { vi: string; en: string };

export type Open311Status = 'open' | 'closed';
export type ServiceType = 'realtime' | 'batch' | 'blackbox';
export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export const DATATYPES: readonly Datatype[] = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

export interface DiscoveryEndpointView {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface DiscoveryView {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: DiscoveryEndpointView[];
  /** FixMyStreet's addition: the most requests one GET returns. */
  max_requests?: number;
}

export interface ServiceView {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: ServiceType;
  keywords: string | null;
  group: string | null;
  /** mySociety extension: every group the service belongs to. */
  groups?: string[];
}

export interface AttributeValueView {
  key: string;
  name: string;
}

export interface AttributeView {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  /** Only for the list datatypes. */
  values?: AttributeValueView[];
  /** mySociety extension: `server_set` or `hidden_field` — the client fills it, never asks. */
  automated?: 'server_set' | 'hidden_field';
}

export interface ServiceDefinitionView {
  service_code: string;
  attributes: AttributeView[];
}

export interface NoteView {
  datetime: string;
  description: string;
  type: string;
}

export interface ServiceRequestView {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** With `extensions=true` (Chicago/Boston convention). */
  extended_attributes?: {
    detailed_status: string;
    external_status_code: string;
    tracking_code: string | null;
    photos: Array<{ media_url: string }>;
  };
  notes?: NoteView[];
}

export interface PostResponseView {
  service_request_id?: string;
  token?: string;
  service_notice: string | null;
  account_id: string | null;
}

export interface TokenView {
  service_request_id: string | null;
  token: string;
}

export interface RequestUpdateView {
  update_id: string;
  service_request_id: string;
  /** mySociety extended status, lower case (`fixed`, `in_progress`, …). */
  status: string;
  updated_datetime: string;
  description: string | null;
  media_url: string | null;
  external_status_code: string | null;
  customer_reference: string | null;
}

/** One entry of an `errors` body. `code` is a stable identifier (decision A4), not the HTTP number. */
export interface ErrorView {
  code: string;
  description: string;
}

/** A response body: a list (JSON array; XML root > item) or a single object (XML root). */
export type Open311Payload = readonly object[] | object;
