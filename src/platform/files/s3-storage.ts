import type { S3Config } from '../config/config.js';
import type { BlobStorage } from './storage.js';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signRequest, uriEncode } from './s3-signer.js';

type Fetch = typeof fetch;

/**
 * An S3-compatible bucket over plain `fetch`, addressed path-style (`endpoint/bucket/key`), which
 * every S3-compatible store accepts, unlike virtual-host style. Objects are private: they are only
 * ever read back through the API, which checks who may see them.
 */
export class S3Storage implements BlobStorage {
  readonly kind = 's3';

  constructor(
    private readonly config: S3Config,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  async put(key: string, data: Buffer, mime: string): Promise<void> {
    const res = await this.send('PUT', key, data, { 'content-type': mime });
    if (!res.ok) throw await s3Error('PUT', res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | undefined> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return undefined;
    }
    if (!res.ok) throw await s3Error('GET', res);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    await res.arrayBuffer();
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE failed with HTTP ${res.status}`);
  }

  private send(method: string, key: string, body?: Buffer, extra: Record<string, string> = {}): Promise<Response> {
    const base = this.config.endpoint.replace(/\/+$/, '');
    const url = new URL(`${base}/${uriEncode(this.config.bucket, false)}/${uriEncode(key, true)}`);
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const signed = signRequest({
      method,
      url,
      headers: { ...extra, 'x-amz-content-sha256': payloadHash },
      payloadHash,
      accessKeyId: this.config.accessKeyId,
      secretAccessKey: this.config.secretAccessKey,
      region: this.config.region,
      service: 's3',
    });
    return this.fetchImpl(url, {
      method,
      headers: signed.headers,
      ...(body ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  }
}

/** The S3 error code only (e.g. `AccessDenied`); the body may echo request details, so no more. */
async function s3Error(method: string, res: Response): Promise<Error> {
  const text = await res.text().catch(() => '');
  const code = /<Code>([A-Za-z]+)<\/Code>/.exec(text)?.[1] ?? 'unknown';
  return new Error(`S3 ${method} failed with HTTP ${res.status} (${code})`);
}
