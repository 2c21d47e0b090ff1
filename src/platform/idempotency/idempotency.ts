import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/tables.js';
import { AppError, errors } from '../http/errors.js';

/** How long an answer is kept for replay; a client's outbox retries well within a day. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

export interface IdempotencyClaim {
  scope: string;
  principal: string;
  key: string;
  fingerprint: string;
}

export interface StoredResponse {
  statusCode: number;
  body: object;
}

/** SHA-256 over the parts of a request that define it (its JSON and any uploaded files). */
export function fingerprintOf(parts: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(createHash('sha256').update(part).digest());
  return hash.digest('hex');
}

/**
 * The claim for a request carrying `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header),
 * or null without one. A malformed key is refused rather than ignored, so a client never believes it
 * is protected when it is not.
 */
export function claimOf(request: FastifyRequest, scope: string, parts: Array<string | Buffer>): IdempotencyClaim | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0]! : header.replace(/^"(.*)"$/, '$1');
  if (!KEY_PATTERN.test(key)) {
    throw errors.badRequest('invalid_idempotency_key', 'Idempotency-Key phải gồm 8–100 ký tự chữ, số, "-" hoặc "_".', 'Idempotency-Key must be 8–100 letters, digits, "-" or "_".');
  }
  const principal = request.principal.kind === 'user' ? request.principal.id : 'anonymous';
  return { scope, principal, key, fingerprint: fingerprintOf(parts) };
}

/** The answer stored for this key, if any; the key reused for different content is refused (422). */
export async function storedResponse(db: Db, claim: IdempotencyClaim): Promise<StoredResponse | null> {
  const since = new Date(Date.now() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'response'])
    .where('scope', '=', claim.scope)
    .where('principal', '=', claim.principal)
    .where('key', '=', claim.key)
    .where('created_at', '>', since)
    .executeTakeFirst();
  if (!row) return null;
  if (row.fingerprint !== claim.fingerprint) {
    throw new AppError(422, 'idempotency_key_reused', {
      vi: 'Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.',
      en: 'This Idempotency-Key was already used for a request with different content.',
    });
  }
  return { statusCode: row.status_code, body: row.response };
}

/** Stores the answer in the transaction that made it, so the record and its key commit together. */
export async function rememberResponse(trx: Transaction<Database>, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({ scope: claim.scope, principal: claim.principal, key: claim.key, fingerprint: claim.fingerprint, status_code: response.statusCode, response: JSON.stringify(response.body) })
    .execute();
}

const isKeyTaken = (error: unknown) => (error as { code?: string; constraint?: string }).code === '23505' && /idempotency_keys/.test(String((error as { constraint?: string }).constraint ?? (error as Error).message));

/**
 * Runs `create` once per key: a retry gets the stored answer (`replayed`). `create` must call
 * `remember` inside its transaction. When two copies race, the loser's transaction fails on the key
 * and is rolled back whole; it then answers with the winner's stored response.
 */
export async function once<T extends object, S extends number>(
  db: Db,
  claim: IdempotencyClaim | null,
  statusCode: S,
  create: (remember: ((trx: Transaction<Database>, body: T) => Promise<void>) | undefined) => Promise<T>,
): Promise<{ statusCode: S; body: T; replayed: boolean }> {
  if (!claim) return { statusCode, body: await create(undefined), replayed: false };
  const earlier = await storedResponse(db, claim);
  // Stored by this same call site, so the stored answer has the shape and status it returned then.
  if (earlier) return { statusCode: earlier.statusCode as S, body: earlier.body as T, replayed: true };
  try {
    const body = await create((trx, result) => rememberResponse(trx, claim, { statusCode, body: result }));
    return { statusCode, body, replayed: false };
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
    const winner = await storedResponse(db, claim);
    if (!winner) throw errors.conflict('idempotency_in_flight', 'Yêu cầu với khóa này đang được xử lý; thử lại sau.', 'A request with this key is still being processed; retry later.');
    return { statusCode: winner.statusCode as S, body: winner.body as T, replayed: true };
  }
}

/** Drops answers past their replay window (nightly maintenance). */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
