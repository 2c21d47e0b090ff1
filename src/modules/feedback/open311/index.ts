/**
 * The Open311 GeoReport v2 format layer: pure functions (no database) that the Open311 routes call
 * to read requests and write responses, and readers for other servers' responses.
 */
export * from './types.js';
export { w3cDatetime, w3cDatetimeOrNull, parseW3cDatetime, W3C_DATETIME, type Instant } from './datetime.js';
export { Open311Error, open311Error, open311Errors, type Open311ErrorItem, type ParseResult } from './errors.js';
export { escapeXml, stripIllegalXmlChars, toOpen311Xml, xmlElement, XML_DECLARATION } from './xml.js';
export { toOpen311Json, readOpen311Json } from './json.js';
export { parseXml, readOpen311Xml, XmlReadError } from './xml-read.js';
export {
  describeStatus,
  lowerExtended,
  parseExtendedStatus,
  statusNotes,
  type ExtendedStatus,
  type FeedbackOutcome,
  type FeedbackState,
  type StatusInput,
  type StatusMapping,
} from './status-map.js';
export {
  discoveryView,
  serviceView,
  serviceDefinitionView,
  attributeView,
  errorsView,
  GEOREPORT_V2,
  type AttributeInput,
  type DiscoveryInput,
  type ServiceInput,
} from './views.js';
export {
  serviceRequestView,
  postResponseView,
  tokenView,
  requestUpdateView,
  type PostResponseInput,
  type RequestUpdateInput,
  type RequestViewOptions,
  type ServiceRequestInput,
} from './request-views.js';
export { parsePostRequest, MAX_DESCRIPTION, MAX_MEDIA_URLS, type PostContext, type ServiceRequestSubmission } from './parse.js';
export { validateAttributes, type AttributeSpec, type CheckedAttributes } from './parse-attributes.js';
export {
  parseRequestsQuery,
  parseUpdatesQuery,
  MAX_WINDOW_DAYS,
  MAX_REQUESTS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type QueryContext,
  type RequestsQuery,
  type UpdatesQuery,
  type Window,
} from './parse-query.js';
export {
  negotiate,
  pickLanguage,
  renderOpen311,
  sendOpen311,
  sendOpen311Error,
  toOpen311Error,
  open311Status,
  windowHeaders,
  CONTENT_TYPES,
  type Format,
  type Negotiated,
} from './format.js';
export * from './read.js';
