import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalDiskStorage } from './local-storage.js';
import { S3Storage } from './s3-storage.js';
import { signRequest, sha256Hex } from './s3-signer.js';
import { isMemoryDataDir } from './storage.js';

test('local disk storage writes, reads and deletes, leaving no temporary files behind', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-files-'));
  try {
    const storage = new LocalDiskStorage(root);
    await storage.put('ab/abcdef', Buffer.from('first'), 'text/plain');
    await storage.put('ab/abcdef', Buffer.from('second'), 'text/plain');
    assert.equal((await storage.get('ab/abcdef'))?.toString(), 'second', 'a rewrite replaces the whole file');
    assert.deepEqual(fs.readdirSync(path.join(root, 'ab')), ['abcdef'], 'only the final file remains');
    await storage.delete('ab/abcdef');
    assert.equal(await storage.get('ab/abcdef'), undefined);
    await storage.delete('ab/abcdef');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('local disk storage refuses keys that could leave its directory', async () => {
  const storage = new LocalDiskStorage(path.join(os.tmpdir(), 'tinhso-never-created'));
  for (const key of ['../etc/passwd', 'ab/../../x', '/abs', 'ab//x', '.hidden']) {
    await assert.rejects(storage.get(key), /Invalid storage key/, key);
  }
});

test('an in-memory data directory, as tests configure it, is recognised in both spellings', () => {
  assert.ok(isMemoryDataDir('memory://'));
  assert.ok(isMemoryDataDir(path.resolve('memory://')));
  assert.ok(!isMemoryDataDir('/var/lib/tinhso'));
});

/** A tiny S3 stand-in that checks every signature the way S3 does, by signing the request again. */
async function fakeS3(secret: string) {
  const objects = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = String(req.headers.authorization ?? '');
      const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
      const headers: Record<string, string> = {};
      for (const name of signedNames) if (name !== 'host' && name !== 'x-amz-date') headers[name] = String(req.headers[name]);
      const date = String(req.headers['x-amz-date']);
      const now = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
      const expected = signRequest({
        method: req.method!,
        url: new URL(`http://${req.headers.host}${req.url}`),
        headers,
        payloadHash: String(req.headers['x-amz-content-sha256']),
        accessKeyId: 'test-key',
        secretAccessKey: secret,
        region: 'vn-north-1',
        service: 's3',
        now,
      });
      if (auth !== expected.headers.authorization || req.headers['x-amz-content-sha256'] !== sha256Hex(body)) {
        res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const key = decodeURIComponent(req.url!);
      if (req.method === 'PUT') objects.set(key, body);
      if (req.method === 'DELETE') objects.delete(key);
      if (req.method === 'GET' && !objects.has(key)) return void res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end(req.method === 'GET' ? objects.get(key) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, objects, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('S3 storage signs PUT, GET and DELETE so that an S3-compatible server accepts them', async () => {
  const s3 = await fakeS3('test-secret');
  try {
    const storage = new S3Storage({ endpoint: s3.endpoint, bucket: 'tinh-so', region: 'vn-north-1', accessKeyId: 'test-key', secretAccessKey: 'test-secret' });
    await storage.put('ab/abcdef', Buffer.from('nội dung'), 'text/plain');
    assert.deepEqual([...s3.objects.keys()], ['/tinh-so/ab/abcdef'], 'path-style address: /bucket/key');
    assert.equal((await storage.get('ab/abcdef'))?.toString(), 'nội dung');
    await storage.delete('ab/abcdef');
    assert.equal(await storage.get('ab/abcdef'), undefined, 'a missing object reads as undefined');
  } finally {
    await s3.close();
  }
});

test('S3 storage reports a refused request with the S3 error code and no secrets', async () => {
  const s3 = await fakeS3('the-real-secret');
  try {
    const storage = new S3Storage({ endpoint: s3.endpoint, bucket: 'tinh-so', region: 'vn-north-1', accessKeyId: 'test-key', secretAccessKey: 'a-wrong-secret' });
    await assert.rejects(storage.put('ab/x', Buffer.from('x'), 'text/plain'), (error: Error) => {
      assert.match(error.message, /HTTP 403 \(SignatureDoesNotMatch\)/);
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
  } finally {
    await s3.close();
  }
});
