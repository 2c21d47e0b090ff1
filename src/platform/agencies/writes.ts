import { sql, type Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';
import type { AuditEntry } from '../audit/audit-trail.js';
import { errors } from '../http/errors.js';
import { agencySearchText } from './search.js';
import type { CreateBody, PatchBody } from './schemas.js';

type Meta = Pick<AuditEntry, 'actor' | 'ip' | 'requestId'>;

const fieldError = (code: string, field: string, vi: string, en: string) => errors.badRequest(code, vi, en, [{ field, message: { vi, en } }]);

async function assertParentExists(trx: Transaction<Database>, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const parent = await trx.selectFrom('agencies').select('id').where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw fieldError('parent_not_found', 'body.parentId', 'Không tìm thấy cơ quan cấp trên.', 'The parent agency does not exist.');
}

async function assertAdminUnitExists(trx: Transaction<Database>, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const unit = await trx.selectFrom('admin_units').select('code').where('code', '=', code).executeTakeFirst();
  if (!unit) throw fieldError('admin_unit_not_found', 'body.adminUnitCode', 'Không tìm thấy đơn vị hành chính.', 'The administrative unit does not exist.');
}

/**
 * Refuses a parent that is the agency itself or one of its descendants: walking up from the new
 * parent must not reach the agency. Callers hold a lock that serialises hierarchy changes, so two
 * concurrent moves can't each pass this check and close a loop together.
 */
async function assertNoCycle(trx: Transaction<Database>, id: string, parentId: string): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 1 from agencies where id = ${parentId}
      union all
      select a.id, a.parent_id, up.depth + 1 from agencies a join up on a.id = up.parent_id where up.depth < 1000
    )
    select id from up where id = ${id} limit 1`.execute(trx);
  if (rows.length > 0) {
    throw fieldError(
      'agency_cycle',
      'body.parentId',
      'Không thể đặt cơ quan làm cấp dưới của chính nó hoặc của một đơn vị trực thuộc nó.',
      'An agency cannot be placed under itself or under one of its own sub-agencies.',
    );
  }
}

const codeTaken = (code: string) => errors.conflict('agency_code_taken', `Mã cơ quan ${code} đã được dùng.`, `Agency code ${code} is already in use.`);

export async function createAgency(ctx: Pick<AppContext, 'db' | 'audit'>, body: Static<typeof CreateBody>, meta: Meta): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('agencies').select('id').where('code', '=', body.code).executeTakeFirst();
    if (taken) throw codeTaken(body.code);
    await assertParentExists(trx, body.parentId);
    await assertAdminUnitExists(trx, body.adminUnitCode);
    const row = await trx
      .insertInto('agencies')
      .values({
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        kind: body.kind,
        parent_id: body.parentId ?? null,
        admin_unit_code: body.adminUnitCode ?? null,
        address: body.address ?? null,
        phone: body.phone ?? null,
        email: body.email?.toLowerCase() ?? null,
        search_text: agencySearchText(body),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.record(trx, { ...meta, action: 'agency.create', targetType: 'agency', targetId: row.id, details: { code: body.code, name: body.name, parentId: body.parentId ?? null } });
    return row.id;
  }).catch((error: unknown) => {
    // Two admins creating the same code at once: the unique index decides, the loser gets a 409.
    if ((error as { code?: string }).code === '23505') throw codeTaken(body.code);
    throw error;
  });
}

/** Applies the given fields; returns false when there is no such agency. */
export async function updateAgency(ctx: Pick<AppContext, 'db' | 'audit'>, id: string, body: Static<typeof PatchBody>, meta: Meta): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    if (body.parentId !== undefined) await sql`lock table agencies in share row exclusive mode`.execute(trx);
    const current = await trx.selectFrom('agencies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return false;
    if (body.parentId) {
      await assertParentExists(trx, body.parentId);
      await assertNoCycle(trx, id, body.parentId);
    }
    await assertAdminUnitExists(trx, body.adminUnitCode);
    const next = {
      name: body.name ?? current.name,
      name_en: body.nameEn === undefined ? current.name_en : body.nameEn,
      kind: body.kind ?? current.kind,
      parent_id: body.parentId === undefined ? current.parent_id : body.parentId,
      admin_unit_code: body.adminUnitCode === undefined ? current.admin_unit_code : body.adminUnitCode,
      address: body.address === undefined ? current.address : body.address,
      phone: body.phone === undefined ? current.phone : body.phone,
      email: body.email === undefined ? current.email : (body.email?.toLowerCase() ?? null),
    };
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => current[key as keyof typeof next] !== value).map(([key, value]) => [key, { from: current[key as keyof typeof next], to: value }]),
    );
    if (Object.keys(changed).length === 0) return true;
    await trx
      .updateTable('agencies')
      .set({ ...next, search_text: agencySearchText({ code: current.code, name: next.name, nameEn: next.name_en }), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, { ...meta, action: 'agency.update', targetType: 'agency', targetId: id, details: { code: current.code, changed } });
    return true;
  });
}
