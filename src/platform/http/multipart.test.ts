import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError, errors } from './errors.js';
import { jsonField, readMultipart, validatedBody } from './multipart.js';

const Body = Type.Object({ title: Type.String({ minLength: 1 }) });

let app: FastifyInstance;
before(async () => {
  // A bare server: the helpers need only Fastify and @fastify/multipart, not the platform.
  app = Fastify();
  await app.register(multipart);
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send({ code: error.code, messages: error.messages, fields: error.fieldErrors.map((f) => f.field) });
    return reply.status(500).send({ code: 'unexpected', message: error instanceof Error ? error.message : String(error) });
  });
  app.post('/read', async (request) => {
    const { files, fields } = await readMultipart(request, (field) => {
      if (field === 'forbidden') throw errors.badRequest('unexpected_file', 'Trường tệp không được nhận.', 'That file field is not accepted.');
    });
    return { files: files.map((f) => ({ field: f.field, filename: f.filename, text: f.buffer.toString('utf8') })), fields };
  });
  app.post('/form', async (request) => {
    const { fields } = await readMultipart(request);
    return validatedBody<{ title: string }>(request, Body, jsonField(fields, 'body'));
  });
  await app.ready();
});
after(() => app.close());

type Part = { name: string; value: string; filename?: string };

function multipartBody(parts: Part[]) {
  const boundary = 'test-boundary-7d1c';
  const chunks = parts.map((p) => {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    const type = p.filename ? 'content-type: application/octet-stream\r\n' : '';
    return `--${boundary}\r\ncontent-disposition: ${disposition}\r\n${type}\r\n${p.value}\r\n`;
  });
  return { payload: `${chunks.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('readMultipart returns every file with its field and name, and the text fields (the last of a repeated name)', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/read',
    ...multipartBody([
      { name: 'note', value: 'first' },
      { name: 'TP01', value: 'one', filename: 'a.pdf' },
      { name: 'note', value: 'second' },
      { name: 'TP02', value: 'two', filename: 'b.pdf' },
    ]),
  });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    files: [
      { field: 'TP01', filename: 'a.pdf', text: 'one' },
      { field: 'TP02', filename: 'b.pdf', text: 'two' },
    ],
    fields: { note: 'second' },
  });
});

test('readMultipart lets the route refuse a file field before reading it', async () => {
  const res = await app.inject({ method: 'POST', url: '/read', ...multipartBody([{ name: 'forbidden', value: 'x', filename: 'x.bin' }]) });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'unexpected_file');
});

test('a JSON field is parsed and validated after NFC normalisation', async () => {
  const decomposed = 'Hoa\u0300n Kie\u0302\u0301m'; // "Hoàn Kiếm" typed with combining marks
  const res = await app.inject({ method: 'POST', url: '/form', ...multipartBody([{ name: 'body', value: JSON.stringify({ title: decomposed }) }]) });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().title, 'Hoàn Kiếm');
  assert.equal(res.json().title, decomposed.normalize('NFC'));
});

test('a JSON field that does not parse is a bilingual malformed_body naming the field', async () => {
  const res = await app.inject({ method: 'POST', url: '/form', ...multipartBody([{ name: 'body', value: '{not json' }]) });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.code, 'malformed_body');
  assert.match(body.messages.vi, /"body"/);
  assert.match(body.messages.en, /"body"/);
});

test('a missing or invalid body is validation_failed with the offending field', async () => {
  const missing = await app.inject({ method: 'POST', url: '/form', ...multipartBody([{ name: 'other', value: 'x' }]) });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().code, 'validation_failed');
  const empty = await app.inject({ method: 'POST', url: '/form', ...multipartBody([{ name: 'body', value: JSON.stringify({ title: '' }) }]) });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().code, 'validation_failed');
  assert.deepEqual(empty.json().fields, ['body.title']);
});

test('jsonField is undefined for an absent field', () => {
  assert.equal(jsonField({ other: '{}' }, 'body'), undefined);
  assert.deepEqual(jsonField({ body: '{"a":1}' }, 'body'), { a: 1 });
});
