import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn, type SignedIn } from '../testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../testing/users.js';
import type { Role } from '../identity/roles.js';
import { storeUpload } from './file-service.js';

let t: TestPlatform;
let dataDir: string;
before(async () => {
  // A real directory, so these tests go through the disk driver (atomic writes included).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-files-test-'));
  t = await createTestPlatform({ seedDemo: false, env: { DATA_DIR: dataDir } });
});
after(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function user(role: Role): Promise<SignedIn> {
  const created = await createTestUser(t.ctx, role);
  return signIn(t.app, created.email, TEST_PASSWORD);
}

function multipart(filename: string, content: Buffer, contentType: string) {
  const boundary = `----tinhso${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(who: SignedIn, filename: string, content: Buffer, contentType = 'image/jpeg', query = '') {
  const body = multipart(filename, content, contentType);
  return t.app.inject({ method: 'POST', url: `/api/v1/files${query}`, payload: body.payload, headers: { ...who.writeHeaders, ...body.headers } });
}

/** A phone photo: rotated by its EXIF orientation tag and carrying a GPS position. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#c00' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 49/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '107/1 5/1 0/1' },
    })
    .toBuffer();
}

const GPS_IFD_POINTER = Buffer.from([0x25, 0x88]); // EXIF tag 0x8825, little-endian as libvips writes it

test('a JPEG with EXIF GPS is stored upright and without any metadata', async () => {
  const citizen = await user('citizen');
  const original = await photoWithGps();
  assert.ok((await sharp(original).metadata()).exif?.includes(GPS_IFD_POINTER), 'the test photo does carry GPS');
  const res = await upload(citizen, 'ảnh hiện trường.jpg', original);
  assert.equal(res.statusCode, 201, res.body);
  const file = res.json();
  assert.equal(file.mime, 'image/jpeg');
  assert.equal(file.name, 'ảnh hiện trường.jpg');
  const download = await t.app.inject({ method: 'GET', url: `/api/v1/files/${file.id}`, headers: citizen.headers });
  assert.equal(download.statusCode, 200);
  const stored = download.rawPayload;
  const meta = await sharp(stored).metadata();
  assert.equal(meta.exif, undefined, 'no EXIF block at all, so no GPS');
  assert.equal(meta.xmp, undefined);
  assert.equal(meta.iptc, undefined);
  assert.equal(meta.icc, undefined);
  assert.ok(!stored.includes(Buffer.from('TestCam')) && !stored.includes(Buffer.from('Exif\0\0')));
  assert.deepEqual([meta.width, meta.height], [20, 40], 'turned upright by its orientation tag before the tag was dropped');
  const onDisk = fs.readFileSync(path.join(dataDir, 'files', file.id.slice(0, 2), file.id));
  assert.ok(onDisk.equals(stored), 'the disk driver holds exactly the cleaned bytes');
});

test('the type comes from the content: a PNG sent as photo.jpg is stored as PNG, and large images are scaled down', async () => {
  const citizen = await user('citizen');
  const png = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#0a0' } }).png().toBuffer();
  const res = await upload(citizen, 'photo.jpg', png, 'image/jpeg');
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().mime, 'image/png');
  assert.equal(res.json().name, 'photo.png');
  const download = await t.app.inject({ method: 'GET', url: `/api/v1/files/${res.json().id}`, headers: citizen.headers });
  const meta = await sharp(download.rawPayload).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['png', 2560, 853]);
});

test('a Windows program or an HTML page renamed to .jpg is refused with 415', async () => {
  const citizen = await user('citizen');
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)]);
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
  for (const content of [exe, html]) {
    const res = await upload(citizen, 'anh.jpg', content, 'image/jpeg');
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().code, 'unsupported_file_type');
    assert.ok(res.json().message.vi && res.json().message.en);
  }
  const count = await t.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).where('owner_user_id', '=', citizen.userId).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0, 'nothing was stored');
});

test('a file over MAX_UPLOAD_BYTES, or over its purpose limit, is refused with a bilingual 413', async () => {
  const citizen = await user('citizen');
  const jpegHeader = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  const huge = Buffer.concat([jpegHeader, Buffer.alloc(t.config.maxUploadBytes)]);
  const res = await upload(citizen, 'big.jpg', huge);
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().code, 'file_too_large');
  assert.match(res.json().message.vi, /10 MB/);
  assert.match(res.json().message.en, /10 MB/);
  const avatar = await upload(citizen, 'me.jpg', Buffer.concat([jpegHeader, Buffer.alloc(3 * 1024 * 1024)]), 'image/jpeg', '?purpose=avatar');
  assert.equal(avatar.statusCode, 413);
  assert.match(avatar.json().message.en, /2 MB/);
});

test('a PDF is stored byte for byte and downloaded as an attachment with safe headers', async () => {
  const citizen = await user('citizen');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const res = await upload(citizen, 'Đơn đề nghị (số 1).pdf', pdf, 'application/octet-stream', '?purpose=document');
  assert.equal(res.statusCode, 201, res.body);
  const download = await t.app.inject({ method: 'GET', url: `/api/v1/files/${res.json().id}`, headers: citizen.headers });
  assert.ok(download.rawPayload.equals(pdf));
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  const disposition = String(download.headers['content-disposition']);
  assert.match(disposition, /^attachment; filename="Don de nghi \(so 1\)\.pdf"; filename\*=UTF-8''/);
  assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), 'Đơn đề nghị (số 1).pdf');
  assert.match(String(download.headers['content-security-policy']), /sandbox/);
});

test('an image is refused for the document purpose, and an unknown purpose is a 400', async () => {
  const citizen = await user('citizen');
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } }).jpeg().toBuffer();
  assert.equal((await upload(citizen, 'a.jpg', jpeg, 'image/jpeg', '?purpose=document')).statusCode, 415);
  assert.equal((await upload(citizen, 'a.jpg', jpeg, 'image/jpeg', '?purpose=nothing')).json().code, 'unknown_purpose');
});

test('downloads: the owner and staff may read a file; another citizen gets the same 404 as for no file', async () => {
  const owner = await user('citizen');
  const other = await user('citizen');
  const leader = await user('leader');
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } }).jpeg().toBuffer();
  const id = (await upload(owner, 'a.jpg', jpeg)).json().id as string;
  const get = (headers: Record<string, string>, fileId = id) => t.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers });
  assert.equal((await get(owner.headers)).statusCode, 200);
  const forbidden = await get(other.headers);
  const missing = await get(other.headers, '00000000-0000-4000-8000-000000000000');
  assert.equal(forbidden.statusCode, 404);
  assert.equal(missing.statusCode, 404);
  assert.equal(forbidden.json().code, missing.json().code);
  assert.deepEqual(forbidden.json().message, missing.json().message);
  assert.equal((await get({})).statusCode, 401);
  assert.equal((await get(leader.headers)).statusCode, 200);
  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'subject_user_id']).where('action', '=', 'file.read').where('target_id', '=', id).execute();
  assert.deepEqual(audit, [{ actor_user_id: leader.userId, subject_user_id: owner.userId }], 'staff reading a person\'s file is audited');
});

test('an upload without the CSRF token, or not multipart, is refused', async () => {
  const citizen = await user('citizen');
  const body = multipart('a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
  const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...citizen.headers, ...body.headers } });
  assert.equal(noCsrf.statusCode, 403);
  const json = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: { file: 'x' }, headers: citizen.writeHeaders });
  assert.equal(json.statusCode, 415);
  assert.equal(json.json().code, 'multipart_required');
});

test('storeUpload joins the caller\'s transaction, so a rolled-back caller leaves no file row', async () => {
  const owner = await createTestUser(t.ctx, 'citizen');
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  let id = '';
  await assert.rejects(
    t.ctx.db.transaction().execute(async (trx) => {
      id = (await storeUpload(t.ctx, trx, { buffer: pdf, filename: 'x.pdf', ownerUserId: owner.id, purpose: 'document' })).id;
      throw new Error('the caller fails after storing');
    }),
    /caller fails/,
  );
  assert.ok(id);
  assert.equal(await t.ctx.db.selectFrom('files').select('id').where('id', '=', id).executeTakeFirst(), undefined);
  const kept = await storeUpload(t.ctx, undefined, { buffer: pdf, filename: 'x.pdf', ownerUserId: owner.id, purpose: 'document' });
  assert.equal(kept.size, pdf.length);
});
