/**
 * The JSON side of the Spark convention: the root element is dropped, so a list resource is a bare
 * array and an object resource (discovery, service definition) a bare object. Booleans and numbers
 * are real JSON values, empty fields `null`, identifiers strings.
 *
 * Reading other servers' JSON is tolerant: the spec's own examples are invalid JSON (`"service_code":
 * 001`), and large numeric ids lose digits as JavaScript numbers, so identifiers written as bare
 * numbers are read back as the exact text.
 */
import { formatNumber } from './xml.js';

/** Serialises a view. Numbers are checked to be finite (JSON has no NaN) and kept in plain notation. */
export function toOpen311Json(payload: readonly object[] | object): string {
  return JSON.stringify(payload, (_key, value: unknown) => {
    if (typeof value === 'number') return JSON.parse(formatNumber(value)) as number;
    return value;
  });
}

// Keys whose values are identifiers in Open311 and its common extensions.
const ID_KEY = /^"(?:service_request_id|service_code|update_id|account_id|address_id|zipcode|token|code|key|parent_service_request_id)"$/;
// A string literal, or a number outside strings (group 1).
const TOKEN = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
const COLON = /\s*:/y;

/**
 * Parses JSON from another Open311 server. Numbers that follow an identifier key are turned into
 * strings holding the digits exactly as written (so `001` stays `"001"`); everything else is JSON.
 */
export function readOpen311Json(text: string): unknown {
  let key = '';
  const fixed = text.replace(TOKEN, (match: string, number: string | undefined, offset: number) => {
    if (number === undefined) {
      // A string: remember it when it is a key (followed by a colon) for the value after it.
      COLON.lastIndex = offset + match.length;
      key = COLON.test(text) ? match : '';
      return match;
    }
    const value = ID_KEY.test(key) ? `"${number}"` : number;
    key = '';
    return value;
  });
  return JSON.parse(fixed);
}
