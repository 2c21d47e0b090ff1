import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { psDb, type PsDb } from '../tables.js';
import { samePhone } from './phone.js';
import { issueAccessToken } from './token.js';
import { findByCode, publicView, resultFileAvailable, type TrackedRow } from './view.js';

/** The same answer for an unknown code, a draft, a dossier without a phone and a wrong phone. */
export function verificationFailed(): AppError {
  return new AppError(404, 'dossier_verification_failed', {
    vi: 'Không tìm thấy hồ sơ với mã và số điện thoại này.',
    en: 'No dossier matches this code and phone number.',
  });
}

export const PUBLIC_ACTOR = { userId: null, label: 'public:tracking', agencyId: null };

export interface TrackedDocumentRow {
  id: string;
  kind: string;
  number: string | null;
  createdAt: string | null;
  fileId: string;
}

/** Documents issued to the applicant, and the result file when it is kept only on the dossier row. */
export async function documentsOf(db: PsDb, row: TrackedRow): Promise<TrackedDocumentRow[]> {
  const rows = await db.selectFrom('dossier_documents').select(['id', 'kind', 'number', 'created_at', 'file_id']).where('dossier_id', '=', row.id).orderBy('created_at').orderBy('id').execute();
  const documents: TrackedDocumentRow[] = rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, createdAt: new Date(r.created_at).toISOString(), fileId: r.file_id }));
  if (row.result_file_id && !documents.some((d) => d.fileId === row.result_file_id)) {
    documents.push({ id: 'result', kind: 'result', number: row.result_number, createdAt: row.finished_at ? new Date(row.finished_at).toISOString() : null, fileId: row.result_file_id });
  }
  return documents;
}

/**
 * The second factor: the applicant's phone number. Success returns the applicant's name, the
 * documents with a short-lived download token, and is audited as a read of personal data.
 */
export async function verifiedView(ctx: AppContext, request: FastifyRequest, code: string, phone: string) {
  const db = psDb(ctx.db);
  const row = await findByCode(db, code);
  if (!row || !samePhone(row.applicant.phone, phone)) throw verificationFailed();
  const documents = await documentsOf(db, row);
  const { token, expiresAt } = issueAccessToken(ctx.config, row.id);
  await ctx.audit.recordAlone({
    actor: PUBLIC_ACTOR,
    action: 'dossier.read_verified',
    targetType: 'dossier',
    targetId: row.id,
    subjectUserId: row.applicant_user_id,
    purpose: 'tracking',
    ip: request.ip,
    requestId: request.id,
    details: { code: row.code },
  });
  const base = `/api/v1/dossiers/track/${encodeURIComponent(code)}/documents`;
  return {
    ...(await publicView(db, row)),
    applicant: { name: row.applicant.name },
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, createdAt: d.createdAt, url: `${base}/${d.id}?token=${encodeURIComponent(token)}` })),
    resultAvailable: resultFileAvailable(row, documents.filter((d) => d.kind === 'result').length),
    accessToken: token,
    accessTokenExpiresAt: expiresAt.toISOString(),
  };
}
