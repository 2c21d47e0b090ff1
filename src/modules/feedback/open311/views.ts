/**
 * Builders for the catalogue-side views: discovery, service list, service definition, errors.
 * They take our data (camelCase, bilingual) and return the spec's shapes (snake_case, one language);
 * the same object then goes out as JSON or, through the Spark convention, as XML.
 */
import { w3cDatetime, type Instant } from './datetime.js';
import type { Open311Error } from './errors.js';
import { stripIllegalXmlChars } from './xml.js';
import {
  DATATYPES,
  type AttributeView,
  type Datatype,
  type DiscoveryView,
  type ErrorView,
  type Language,
  type ServiceDefinitionView,
  type ServiceType,
  type ServiceView,
  type Text,
} from './types.js';

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['text/xml', 'application/json'];

/**
 * One language of a text (Vietnamese when the English is missing), cleaned so the XML and JSON
 * renderings carry exactly the same characters.
 */
export function pick(text: Text, lang: Language): string {
  return stripIllegalXmlChars(typeof text === 'string' ? text : text[lang] || text.vi);
}

/** As `pick`, but `null` for missing or blank text (an optional field: JSON null, empty XML element). */
export function pickOrNull(text: Text | null | undefined, lang: Language): string | null {
  if (text === null || text === undefined) return null;
  const value = pick(text, lang);
  return value.trim() === '' ? null : value;
}

export interface DiscoveryInput {
  changeset: Instant;
  contact: Text;
  keyService: Text;
  endpoints: Array<{ url: string; changeset: Instant; type: 'production' | 'test' }>;
  maxRequests?: number;
}

/** The discovery document. `changeset` is a full W3C datetime (decision A13). */
export function discoveryView(input: DiscoveryInput, lang: Language): DiscoveryView {
  const view: DiscoveryView = {
    changeset: w3cDatetime(input.changeset),
    contact: pick(input.contact, lang),
    key_service: pick(input.keyService, lang),
    endpoints: input.endpoints.map((e) => ({
      specification: GEOREPORT_V2,
      url: e.url,
      changeset: w3cDatetime(e.changeset),
      type: e.type,
      formats: [...FORMATS],
    })),
  };
  if (input.maxRequests !== undefined) view.max_requests = input.maxRequests;
  return view;
}

export interface ServiceInput {
  code: string;
  name: Text;
  description?: Text | null;
  /** True when the service has attributes (the client must fetch its definition). */
  hasAttributes: boolean;
  type?: ServiceType;
  keywords?: Array<Text> | Text | null;
  group?: Text | null;
  /** Reports in this service are never public: FixMyStreet reads the `private` keyword (§1.12c). */
  private?: boolean;
}

function keywordsOf(input: ServiceInput, lang: Language): string | null {
  const raw = input.keywords;
  const list = (Array.isArray(raw) ? raw.map((k) => pick(k, lang)) : raw ? pick(raw, lang).split(',') : [])
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (input.private && !list.includes('private')) list.push('private');
  return list.length > 0 ? list.join(', ') : null;
}

export function serviceView(input: ServiceInput, lang: Language): ServiceView {
  return {
    service_code: String(input.code),
    service_name: pick(input.name, lang),
    description: pickOrNull(input.description, lang) ?? '',
    metadata: input.hasAttributes,
    type: input.type ?? 'realtime',
    keywords: keywordsOf(input, lang),
    group: pickOrNull(input.group, lang),
  };
}

export interface AttributeInput {
  code: string;
  datatype: Datatype;
  required: boolean;
  description: Text;
  /** False: the attribute only informs the citizen (no input). Default true. */
  variable?: boolean;
  datatypeDescription?: Text | null;
  /** Display order; positions in the list are used when absent. */
  order?: number;
  values?: Array<{ key: string | number; name: Text }>;
  automated?: 'server_set' | 'hidden_field';
}

const LIST_TYPES: readonly Datatype[] = ['singlevaluelist', 'multivaluelist'];

export function attributeView(input: AttributeInput, order: number, lang: Language): AttributeView {
  if (!DATATYPES.includes(input.datatype)) throw new Error(`Unknown Open311 datatype: ${input.datatype}`);
  const view: AttributeView = {
    variable: input.variable ?? true,
    code: String(input.code),
    datatype: input.datatype,
    required: input.variable === false ? false : input.required,
    datatype_description: pickOrNull(input.datatypeDescription, lang) ?? '',
    order,
    description: pick(input.description, lang),
  };
  if (LIST_TYPES.includes(input.datatype)) {
    view.values = (input.values ?? []).map((v) => ({ key: String(v.key), name: pick(v.name, lang) }));
  }
  if (input.automated) view.automated = input.automated;
  return view;
}

/**
 * The service definition. Orders must be positive and unique within the service (spec §1.4): given
 * orders are kept when they are, otherwise 1…n in the order the attributes are listed.
 */
export function serviceDefinitionView(code: string, attributes: AttributeInput[], lang: Language): ServiceDefinitionView {
  const sorted = [...attributes].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const given = sorted.map((a) => a.order);
  const usable = given.every((o) => Number.isInteger(o) && o! > 0) && new Set(given).size === given.length;
  return {
    service_code: String(code),
    attributes: sorted.map((a, i) => attributeView(a, usable ? a.order! : i + 1, lang)),
  };
}

/** The `errors` body of a failure, in one language. */
export function errorsView(error: Open311Error, lang: Language): ErrorView[] {
  return error.view(lang);
}
