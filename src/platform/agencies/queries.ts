import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { compareVietnamese, likePattern, toSearchText } from '../search/search-text.js';
import type { AgencyKind, AgencyTable } from './tables.js';
import type { TreeNode } from './schemas.js';

type AgencyRow = Selectable<AgencyTable>;

export function presentAgency(row: AgencyRow, parent: { id: string; code: string; name: string } | null, childCount: number) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    parentId: row.parent_id,
    parent,
    adminUnitCode: row.admin_unit_code,
    address: row.address,
    phone: row.phone,
    email: row.email,
    isDemo: row.is_demo,
    childCount,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function getAgency(db: Db, id: string) {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const parent = row.parent_id ? await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', '=', row.parent_id).executeTakeFirst() : undefined;
  const children = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<string>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return presentAgency(row, parent ?? null, Number(children.n));
}

export interface ListOptions {
  q?: string | undefined;
  kind?: AgencyKind | undefined;
  parentId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Agencies by code (stable and seekable; clients sort by name with a Vietnamese collator). With
 * `q`, best matches come first: the name is the query or starts with it, then a word starts with
 * it, then it appears anywhere — diacritics and case ignored.
 */
export async function listAgencies(db: Db, opts: ListOptions) {
  const text = opts.q ? toSearchText(opts.q) : '';
  const core = likePattern(text).slice(1, -1);
  const rank = opts.q ? sql<number>`case when search_text like ${`${core}%`} then 0 when search_text like ${`% ${core}%`} then 1 else 2 end` : sql<number>`0`;
  let inner = db.selectFrom('agencies').select(['id', 'code', 'name', 'kind', 'parent_id', 'admin_unit_code', rank.as('rank')]);
  if (opts.q) inner = inner.where('search_text', 'like', likePattern(text));
  if (opts.kind) inner = inner.where('kind', '=', opts.kind);
  if (opts.parentId) inner = inner.where('parent_id', '=', opts.parentId);
  let query = db.selectFrom(inner.as('a')).selectAll();
  const after = decodeCursor(opts.cursor);
  if (after) query = query.where(sql<boolean>`(rank, code) > (${Number(after[0])}, ${String(after[1])})`);
  const rows = await query.orderBy('rank').orderBy('code').limit(opts.limit + 1).execute();
  const page = pageOf(rows, opts.limit, (r) => [r.rank, r.code]);
  return {
    items: page.items.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, adminUnitCode: r.admin_unit_code })),
    nextCursor: page.nextCursor,
  };
}

const KIND_ORDER: AgencyKind[] = ['provincial_committee', 'department', 'public_service_unit', 'other', 'commune_committee'];

/**
 * The whole hierarchy as nested nodes (a province has around a hundred agencies, so one read).
 * Siblings: committees and departments before commune committees, then Vietnamese name order.
 * An agency whose parent is missing shows at the top rather than disappearing.
 */
export async function agencyTree(db: Db): Promise<TreeNode[]> {
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'kind', 'parent_id', 'admin_unit_code']).execute();
  const nodes = new Map<string, TreeNode>(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, kind: r.kind, adminUnitCode: r.admin_unit_code, children: [] }]));
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareVietnamese(a.name, b.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
