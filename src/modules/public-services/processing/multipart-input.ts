import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../../platform/http/errors.js';
import { readMultipart, validatedBody } from '../../../platform/http/multipart.js';
import { StrictObject } from '../../../platform/http/schema.js';
import type { ResultInput } from './result.js';
import { ResultBody } from './schemas.js';
import type { SupplementFile } from './supplement.js';

export const MAX_SUPPLEMENT_FILES = 20;
const COMPONENT_CODE = /^[A-Za-z0-9_.-]{1,50}$/;

const SupplementJson = StrictObject({ note: Type.Optional(Type.String({ maxLength: 2000 })) });
const ResultFields = StrictObject({ outcome: ResultBody.properties.outcome, resultNumber: ResultBody.properties.resultNumber });

/** Files keyed by their field name (the component code) and the text fields, read in one pass. */
async function readParts(request: FastifyRequest): Promise<{ files: SupplementFile[]; fields: Record<string, string> }> {
  const { files, fields } = await readMultipart(request);
  return { files: files.map((f) => ({ componentCode: f.field, buffer: f.buffer, filename: f.filename })), fields };
}

/** The applicant's supplement: multipart (files by component code, "note"), or JSON with a note only. */
export async function readSupplementRequest(request: FastifyRequest): Promise<{ files: SupplementFile[]; note?: string }> {
  if (!request.isMultipart()) {
    const body = validatedBody<{ note?: string }>(request, SupplementJson, request.body ?? {});
    return { files: [], ...(body.note ? { note: body.note } : {}) };
  }
  const { files, fields } = await readParts(request);
  for (const f of files) {
    if (!COMPONENT_CODE.test(f.componentCode)) throw errors.badRequest('unknown_component', 'Tên trường tệp phải là mã thành phần hồ sơ.', 'Each file field must be named by a component code.');
  }
  const body = validatedBody<{ note?: string }>(request, SupplementJson, fields);
  return { files, ...(body.note ? { note: body.note } : {}) };
}

/** A result as JSON (from a template) or multipart (one "file" part, "outcome" and "resultNumber"). */
export async function readResultRequest(request: FastifyRequest): Promise<ResultInput> {
  if (!request.isMultipart()) return { kind: 'template', ...validatedBody<Omit<Extract<ResultInput, { kind: 'template' }>, 'kind'>>(request, ResultBody, request.body) };
  const { files, fields } = await readParts(request);
  const file = files.find((f) => f.componentCode === 'file');
  if (!file || files.length !== 1) throw errors.badRequest('result_file_required', 'Gửi đúng một tệp kết quả trong trường "file".', 'Send exactly one result file in the "file" field.');
  const body = validatedBody<{ outcome: 'approved' | 'rejected'; resultNumber: string }>(request, ResultFields, fields);
  return { kind: 'file', outcome: body.outcome, resultNumber: body.resultNumber, buffer: file.buffer, filename: file.filename };
}
