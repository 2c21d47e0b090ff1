import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { normalizeNfc } from '../search/search-text.js';
import { AppError, errors } from './errors.js';
import { translateValidationError } from './validation-messages.js';

/** A file part, buffered, with the field it came in. */
export interface UploadedFile {
  field: string;
  buffer: Buffer;
  filename: string;
}

export interface MultipartBody {
  files: UploadedFile[];
  /** Text fields by name; a repeated name keeps its last value. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart body in one pass. `checkFile` sees each file's field name before the file is
 * buffered, so a route can refuse a wrong field without reading the rest of the upload.
 * The limits are the ones the route's scope registered @fastify/multipart with.
 */
export async function readMultipart(request: FastifyRequest, checkFile?: (field: string) => void): Promise<MultipartBody> {
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      checkFile?.(part.fieldname);
      files.push({ field: part.fieldname, buffer: await part.toBuffer(), filename: part.filename });
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { files, fields };
}

/** A multipart text field holding JSON (how a form sends a structured body beside its files); undefined when absent. */
export function jsonField(fields: Record<string, string>, name: string): unknown {
  const text = fields[name];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest('malformed_body', `Trường "${name}" không phải JSON hợp lệ.`, `The "${name}" field is not valid JSON.`);
  }
}

/**
 * Checks a body read by hand (multipart, or JSON the route did not validate) against a TypeBox
 * schema with the route's own validator, after NFC normalisation, and fails as a JSON body would.
 */
export function validatedBody<T>(request: FastifyRequest, schema: Parameters<FastifyRequest['compileValidationSchema']>[0], raw: unknown): T {
  const validate = request.compileValidationSchema(schema);
  const value = normalizeNfc(raw);
  if (!validate(value)) {
    const fields = (validate.errors ?? []).map((e) => translateValidationError(e as never, 'body'));
    throw new AppError(400, 'validation_failed', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' }, fields);
  }
  return value as T;
}
