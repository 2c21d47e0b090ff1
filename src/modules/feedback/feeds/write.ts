import { escapeXml, XML_DECLARATION } from '../open311/xml.js';
import type { FeedContent, FeedItem } from './items.js';

/** Addresses the writers need: the site, this feed's canonical address, the list page. */
export interface FeedLinks {
  publicUrl: string;
  self: string;
  alternate: string;
}

const x = escapeXml;
/** RFC 3339 without the milliseconds (Atom). */
const rfc3339 = (at: Date | string) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** RFC 822 as RSS 2.0 wants it: "Tue, 01 Dec 2026 08:05:00 GMT". */
const rfc822 = (at: Date | string) => new Date(at).toUTCString();
const reportLink = (publicUrl: string, item: FeedItem) => `${publicUrl}/phan-anh/${encodeURIComponent(item.report.trackingCode)}`;

function titleOf(item: FeedItem): string {
  return `${item.report.trackingCode} · ${item.report.categoryName.vi} · ${item.report.communeName} — ${item.statusLabel}`;
}

/** The summary both formats carry: category, place, status, the description (or its placeholder). */
function summaryOf(item: FeedItem): string {
  const r = item.report;
  const place = [r.address, r.communeName].filter(Boolean).join(', ');
  return [`Lĩnh vực: ${r.categoryName.vi}`, `Địa điểm: ${place}`, `Trạng thái: ${item.statusLabel}`, `Cơ quan xử lý: ${r.agencyName}`, '', r.description].join('\n');
}

/** Atom 1.0 (RFC 4287). Entry ids are the reports' UUID URNs: they never change, whatever the state. */
export function atomFeed(content: FeedContent, links: FeedLinks, now: Date): string {
  const entries = content.items.map((item) => {
    const r = item.report;
    return [
      '<entry>',
      `<id>urn:uuid:${x(r.id)}</id>`,
      `<title type="text">${x(titleOf(item))}</title>`,
      `<link rel="alternate" type="text/html" href="${x(reportLink(links.publicUrl, item))}"/>`,
      `<category term="${x(r.categoryCode)}" label="${x(r.categoryName.vi)}"/>`,
      `<published>${rfc3339(r.createdAt)}</published>`,
      `<updated>${rfc3339(r.updatedAt)}</updated>`,
      `<summary type="text">${x(summaryOf(item))}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<id>${x(links.self)}</id>`,
    `<title type="text">${x(content.title)}</title>`,
    `<updated>${rfc3339(content.updated ?? now)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(links.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(links.alternate)}"/>`,
    '<author><name>Tỉnh Số</name></author>',
    '<generator>Tỉnh Số</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** RSS 2.0, with the Atom self link feed readers and validators expect. */
export function rssFeed(content: FeedContent, links: FeedLinks, now: Date): string {
  const items = content.items.map((item) => {
    const r = item.report;
    const link = reportLink(links.publicUrl, item);
    return [
      '<item>',
      `<title>${x(titleOf(item))}</title>`,
      `<link>${x(link)}</link>`,
      `<guid isPermaLink="true">${x(link)}</guid>`,
      `<description>${x(`${summaryOf(item)}\n\nCập nhật: ${rfc822(r.updatedAt)}`)}</description>`,
      `<category domain="${x(`${links.publicUrl}/api/v1/feedback/categories`)}">${x(r.categoryName.vi)}</category>`,
      `<pubDate>${rfc822(r.createdAt)}</pubDate>`,
      '</item>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${x(content.title)}</title>`,
    `<link>${x(links.alternate)}</link>`,
    `<description>${x(`${content.title}: các phản ánh mới nhất và trạng thái xử lý (newest citizen reports and their status).`)}</description>`,
    '<language>vi</language>',
    `<lastBuildDate>${rfc822(content.updated ?? now)}</lastBuildDate>`,
    '<ttl>5</ttl>',
    `<atom:link href="${x(links.self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
