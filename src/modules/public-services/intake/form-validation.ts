import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { translateValidationError } from '../../../platform/http/validation-messages.js';

/**
 * The online form (tờ khai) of a procedure version is a JSON Schema kept in the catalog; a dossier's
 * `formData` is checked against it at submission. Published versions never change, so each
 * version's validator is compiled once and kept (a bounded cache: old versions fall out first).
 */
const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat('date', { type: 'string', validate: isRealDate });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s) });
ajv.addFormat('phone', /^(\+84|0)\d{9,10}$/);

const MAX_CACHED = 500;
const validators = new Map<string, ValidateFunction>();

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function validatorFor(versionId: string, schema: Record<string, unknown>): ValidateFunction {
  const cached = validators.get(versionId);
  if (cached) return cached;
  // The identifiers are dropped: two versions of one form often share an `$id`, which Ajv would refuse.
  const { $id: _id, $schema: _schema, ...body } = schema;
  const validate = ajv.compile(body);
  if (validators.size >= MAX_CACHED) validators.delete(validators.keys().next().value!);
  validators.set(versionId, validate);
  return validate;
}

/** What is wrong with the form data, as field errors named `formData.<path>` in both languages. */
export function formErrors(versionId: string, schema: Record<string, unknown>, data: unknown): FieldError[] {
  const validate = validatorFor(versionId, schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => translateValidationError(e, 'formData'));
}

/** For tests: how many versions have a compiled validator. */
export function cachedValidatorCount(): number {
  return validators.size;
}
