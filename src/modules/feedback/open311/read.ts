/**
 * Reading other Open311 servers' responses (importing, forwarding, checking a partner's endpoint).
 * Liberal by design (research §2.3): JSON or XML, attributes and element order ignored, missing =
 * empty = null, ids as numbers or strings, either updates root name, the old service definition
 * without an `attributes` wrapper, known misspellings (`adress_id`).
 */
import { parseW3cDatetime } from './datetime.js';
import { readOpen311Json } from './json.js';
import { readOpen311Xml } from './xml-read.js';

type Row = Record<string, unknown>;

/** The Spark value of a response body, whatever its format. */
export function readDocument(text: string): unknown {
  return text.trimStart().startsWith('<') ? readOpen311Xml(text) : readOpen311Json(text);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function bool(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|1|yes)$/i.test(value.trim()));
}

function date(value: unknown): Date | null {
  const text = str(value);
  return text === null ? null : (parseW3cDatetime(text)?.instant ?? null);
}

/** A list however it arrived: an array, one object, `<x><y/><y/></x>` read as `{y: [...]}`, or nothing. */
function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'object') {
    const inner = Object.values(value as Row);
    if (inner.length === 1 && Array.isArray(inner[0])) return inner[0];
  }
  return [value];
}

function rows(value: unknown): Row[] {
  return list(value).filter((v): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v));
}

function strings(value: unknown): string[] {
  return list(value)
    .flatMap((v) => (typeof v === 'object' && v !== null ? Object.values(v as Row) : [v]))
    .map(str)
    .filter((s): s is string => s !== null);
}

export interface RemoteService {
  code: string | null;
  name: string | null;
  description: string | null;
  metadata: boolean;
  type: string | null;
  keywords: string[];
  group: string | null;
}

export function readServices(text: string): RemoteService[] {
  return rows(readDocument(text)).map((s) => ({
    code: str(s.service_code),
    name: str(s.service_name),
    description: str(s.description),
    metadata: bool(s.metadata),
    type: str(s.type),
    keywords: (str(s.keywords) ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''),
    group: str(s.group),
  }));
}

export interface RemoteAttribute {
  code: string | null;
  variable: boolean;
  datatype: string | null;
  required: boolean;
  datatypeDescription: string | null;
  order: number | null;
  description: string | null;
  values: Array<{ key: string | null; name: string | null }>;
}

export function readServiceDefinition(text: string): { serviceCode: string | null; attributes: RemoteAttribute[] } {
  const doc = (readDocument(text) ?? {}) as Row;
  // Early servers put <attribute> straight under <service_definition> (research §1.4).
  const attributes = rows(doc.attributes ?? doc.attribute);
  return {
    serviceCode: str(doc.service_code),
    attributes: attributes.map((a) => ({
      code: str(a.code),
      variable: a.variable === undefined ? true : bool(a.variable),
      datatype: str(a.datatype),
      required: bool(a.required),
      datatypeDescription: str(a.datatype_description),
      order: num(a.order),
      description: str(a.description),
      values: rows(a.values ?? a.value).map((v) => ({ key: str(v.key), name: str(v.name) })),
    })),
  };
}

export interface RemoteServiceRequest {
  id: string | null;
  token: string | null;
  status: string | null;
  statusNotes: string | null;
  serviceName: string | null;
  serviceCode: string | null;
  description: string | null;
  agencyResponsible: string | null;
  serviceNotice: string | null;
  accountId: string | null;
  requestedAt: Date | null;
  updatedAt: Date | null;
  expectedAt: Date | null;
  address: string | null;
  addressId: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  mediaUrls: string[];
}

/** GET requests, GET request, the POST response and the token response all share this shape. */
export function readServiceRequests(text: string): RemoteServiceRequest[] {
  return rows(readDocument(text)).map((r) => ({
    id: str(r.service_request_id),
    token: str(r.token),
    status: str(r.status)?.toLowerCase() ?? null,
    statusNotes: str(r.status_notes),
    serviceName: str(r.service_name),
    serviceCode: str(r.service_code),
    description: str(r.description),
    agencyResponsible: str(r.agency_responsible),
    serviceNotice: str(r.service_notice),
    accountId: str(r.account_id),
    requestedAt: date(r.requested_datetime),
    updatedAt: date(r.updated_datetime),
    expectedAt: date(r.expected_datetime),
    address: str(r.address),
    addressId: str(r.address_id ?? r.adress_id),
    zipcode: str(r.zipcode),
    lat: num(r.lat),
    long: num(r.long),
    mediaUrls: strings(r.media_url),
  }));
}

export interface RemoteUpdate {
  updateId: string | null;
  serviceRequestId: string | null;
  status: string | null;
  updatedAt: Date | null;
  description: string | null;
  mediaUrls: string[];
  externalStatusCode: string | null;
}

/** mySociety updates, under `service_request_updates` or FixMyStreet's `service_requests_updates`. */
export function readRequestUpdates(text: string): RemoteUpdate[] {
  return rows(readDocument(text)).map((u) => ({
    updateId: str(u.update_id),
    serviceRequestId: str(u.service_request_id),
    status: str(u.status)?.toLowerCase() ?? null,
    updatedAt: date(u.updated_datetime),
    description: str(u.description),
    mediaUrls: strings(u.media_url),
    externalStatusCode: str(u.external_status_code),
  }));
}

export function readErrors(text: string): Array<{ code: string | null; description: string | null }> {
  return rows(readDocument(text)).map((e) => ({ code: str(e.code), description: str(e.description) }));
}

export interface RemoteDiscovery {
  changeset: string | null;
  contact: string | null;
  keyService: string | null;
  endpoints: Array<{ specification: string | null; url: string | null; changeset: string | null; type: string | null; formats: string[] }>;
}

export function readDiscovery(text: string): RemoteDiscovery {
  const doc = (readDocument(text) ?? {}) as Row;
  return {
    changeset: str(doc.changeset),
    contact: str(doc.contact),
    keyService: str(doc.key_service),
    endpoints: rows(doc.endpoints).map((e) => ({
      specification: str(e.specification),
      url: str(e.url),
      changeset: str(e.changeset),
      type: str(e.type),
      formats: strings(e.formats),
    })),
  };
}
