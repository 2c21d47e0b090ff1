import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { parseXml, type XmlNode } from '../open311/xml-read.js';
import { feedbackDb } from '../tables.js';

let t: TestPlatform;
let special: { id: string; trackingCode: string };
let hidden: { id: string; trackingCode: string };
const TRICKY = 'Biển báo <b>đổ</b> & "gãy" \'nghiêng\' ở ngã tư';
const SECRET = 'Nội dung xúc phạm cần ẩn';

before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  const send = async (description: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: { categoryCode: 'hu-hong-duong', description, lat: unit.centroid.lat, lng: unit.centroid.lng, contact: { name: 'Phạm Minh Châu', phone: '0987654321', email: 'chau.pham@example.vn' } } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; trackingCode: string };
  };
  hidden = await send(SECRET);
  await feedbackDb(t.ctx.db).updateTable('feedback_reports').set({ hidden_reason: 'xúc phạm' }).where('id', '=', hidden.id).execute();
  special = await send(TRICKY);
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const children = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

test('the Atom feed is Atom 1.0 with the required feed and entry elements, a self link and stable ids', async () => {
  const res = await get('/api/v1/feedback/feeds/reports.atom');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
  const feed = parseXml(res.body);
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated', 'author']) assert.ok(child(feed, required), `feed/${required}`);
  assert.match(child(feed, 'updated')!.text, RFC3339);
  const self = children(feed, 'link').find((l) => l.attributes.rel === 'self');
  assert.equal(self?.attributes.href, `${t.config.publicUrl}/api/v1/feedback/feeds/reports.atom`);
  const entries = children(feed, 'entry');
  assert.ok(entries.length > 2 && entries.length <= 50);
  for (const entry of entries) {
    assert.match(child(entry, 'id')!.text, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.ok(child(entry, 'title')!.text.length > 0);
    assert.match(child(entry, 'updated')!.text, RFC3339);
    assert.match(child(entry, 'link')!.attributes.href!, new RegExp(`^${t.config.publicUrl}/phan-anh/PA-\\d{2}-\\d{6}$`));
    assert.ok(child(entry, 'category')!.attributes.term);
  }
  const mine = entries.find((e) => child(e, 'id')!.text === `urn:uuid:${special.id}`)!;
  assert.ok(mine, 'a new report is in the feed');
  assert.match(child(mine, 'title')!.text, new RegExp(`${special.trackingCode} · .+ · .+ — Chờ tiếp nhận`), 'title names code, category, commune and status');
  const again = parseXml((await get('/api/v1/feedback/feeds/reports.atom')).body);
  assert.ok(children(again, 'entry').some((e) => child(e, 'id')!.text === `urn:uuid:${special.id}`), 'the same id on every read');
});

test('the RSS feed is RSS 2.0 with channel and item elements, RFC 822 dates and an atom:link self', async () => {
  const res = await get('/api/v1/feedback/feeds/reports.rss?category=hu-hong-duong');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/rss\+xml/);
  const rss = parseXml(res.body);
  assert.equal(rss.name, 'rss');
  assert.equal(rss.attributes.version, '2.0');
  const channel = child(rss, 'channel')!;
  for (const required of ['title', 'link', 'description']) assert.ok(child(channel, required)?.text, `channel/${required}`);
  assert.match(child(channel, 'lastBuildDate')!.text, RFC822);
  assert.equal(child(channel, 'atom:link')!.attributes.href, `${t.config.publicUrl}/api/v1/feedback/feeds/reports.rss?category=hu-hong-duong`);
  const items = children(channel, 'item');
  assert.ok(items.length > 0);
  const categories = (await get('/api/v1/feedback/categories')).json().items as Array<{ code: string; name: { vi: string } }>;
  const categoryName = categories.find((c) => c.code === 'hu-hong-duong')!.name.vi;
  for (const item of items) {
    assert.match(child(item, 'pubDate')!.text, RFC822);
    assert.equal(child(item, 'guid')!.text, child(item, 'link')!.text);
    assert.match(child(item, 'description')!.text, /Trạng thái: /);
    assert.equal(child(item, 'category')!.text, categoryName, 'each item names its category');
  }
});

test('text is escaped so the feed parses and reads back exactly what was written', async () => {
  for (const path of ['reports.atom', 'reports.rss']) {
    const body = (await get(`/api/v1/feedback/feeds/${path}`)).body;
    assert.ok(!body.includes('<b>'), 'markup in a description is text, not markup');
    assert.ok(body.includes(TRICKY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')));
    assert.ok(parseXml(body), `${path} parses`);
  }
  const entry = children(parseXml((await get('/api/v1/feedback/feeds/reports.atom')).body), 'entry').find((e) => child(e, 'id')!.text === `urn:uuid:${special.id}`)!;
  assert.ok(child(entry, 'summary')!.text.endsWith(TRICKY));
});

test("feeds carry no reporter's personal data, and a moderated description shows only the neutral placeholder", async () => {
  for (const path of ['reports.atom', 'reports.rss']) {
    const body = (await get(`/api/v1/feedback/feeds/${path}`)).body;
    for (const personal of ['Phạm Minh Châu', 'Châu P.', '0987654321', 'chau.pham@example.vn', SECRET]) assert.ok(!body.includes(personal), `${path} must not contain "${personal}"`);
  }
  const entry = children(parseXml((await get('/api/v1/feedback/feeds/reports.atom')).body), 'entry').find((e) => child(e, 'id')!.text === `urn:uuid:${hidden.id}`)!;
  assert.match(child(entry, 'summary')!.text, /Nội dung đã được ẩn/);
});

test('filters narrow the feed to a commune and a category, and an unknown code is a 404', async () => {
  const feed = parseXml((await get('/api/v1/feedback/feeds/reports.atom?commune=18880&category=hu-hong-duong')).body);
  const entries = children(feed, 'entry');
  assert.ok(entries.length >= 2);
  assert.ok(entries.every((e) => child(e, 'category')!.attributes.term === 'hu-hong-duong'));
  const all = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/reports?communeCode=18880&categoryCode=hu-hong-duong&limit=50' });
  const expected = new Set(all.json().items.map((r: { id: string }) => `urn:uuid:${r.id}`));
  assert.ok(entries.every((e) => expected.has(child(e, 'id')!.text)), 'the same reports as the public list with those filters');
  assert.match(child(feed, 'title')!.text, /Đồng Hới/);
  assert.equal((await get('/api/v1/feedback/feeds/reports.rss?commune=99999')).statusCode, 404);
  assert.equal((await get('/api/v1/feedback/feeds/reports.rss?category=khong-co')).statusCode, 404);
  assert.equal((await get('/api/v1/feedback/feeds/reports.rss?commune=<x>')).statusCode, 400);
});

test('an unchanged feed answers 304 to its ETag, and carries Last-Modified', async () => {
  const first = await get('/api/v1/feedback/feeds/reports.rss');
  const etag = String(first.headers.etag);
  assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
  assert.ok(!Number.isNaN(Date.parse(String(first.headers['last-modified']))));
  const second = await get('/api/v1/feedback/feeds/reports.rss', { 'if-none-match': etag });
  assert.equal(second.statusCode, 304);
  assert.equal(second.body, '');
});
