/** Shared steps of the moderation and merge tests (not loaded by the application). */
import sharp from 'sharp';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';

export async function jpeg(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** Sends a report as multipart with the given photos; returns `{id, trackingCode}`. */
export async function sendReport(t: TestPlatform, report: Record<string, unknown>, photos: Buffer[] = [], headers: Record<string, string> = {}): Promise<{ id: string; trackingCode: string }> {
  const boundary = '----moderation';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`)];
  photos.forEach((photo, i) => {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="p${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n'));
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: Buffer.concat(parts), headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 201) throw new Error(`report not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The centre of the demo commune 18880 (Đồng Hới), where Sở Xây dựng handles road damage. */
export async function demoCentre(t: TestPlatform): Promise<{ lat: number; lng: number }> {
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  return { lat: unit.centroid.lat, lng: unit.centroid.lng };
}
