import type { AppContext } from '../http/module.js';
import { agencySearchText } from './search.js';
import { communeCommittee, DEMO_PROVINCE_CODE, DEMO_PROVINCE_SEAT, PROVINCIAL_BODIES, PROVINCIAL_COMMITTEE, type DemoAgency } from './demo-agencies.js';

/**
 * Demo agencies of Quảng Trị: the provincial People's Committee, its departments, and a People's
 * Committee for each commune whose unit is loaded (the admin-units area seeds first). Runs before
 * the demo accounts, which belong to agencies `SXD` and `UBND`. Idempotent: only missing codes are
 * inserted, and nothing is written when all are there; existing agencies are never overwritten.
 */
export async function seedDemoAgencies(ctx: AppContext): Promise<void> {
  const units = await ctx.db
    .selectFrom('admin_units')
    .select(['code', 'name', 'type', 'type_name', 'parent_code'])
    .where((eb) => eb.or([eb('code', '=', DEMO_PROVINCE_CODE), eb('parent_code', '=', DEMO_PROVINCE_CODE)]))
    .orderBy('code')
    .execute();
  const province = units.find((u) => u.code === DEMO_PROVINCE_CODE);
  const communes = units.filter((u) => u.parent_code === DEMO_PROVINCE_CODE);
  const seat = communes.find((u) => u.code === DEMO_PROVINCE_SEAT);
  const provincialAddress = seat ? `${seat.name}, tỉnh Quảng Trị` : 'Tỉnh Quảng Trị';

  type Planned = DemoAgency & { parentCode: string | null; adminUnitCode: string | null; address: string };
  const planned: Planned[] = [
    { ...PROVINCIAL_COMMITTEE, parentCode: null, adminUnitCode: province ? DEMO_PROVINCE_CODE : null, address: provincialAddress },
    ...PROVINCIAL_BODIES.map((a) => ({ ...a, parentCode: PROVINCIAL_COMMITTEE.code, adminUnitCode: province ? DEMO_PROVINCE_CODE : null, address: provincialAddress })),
    ...communes.map((u) => ({ ...communeCommittee(u), parentCode: PROVINCIAL_COMMITTEE.code, adminUnitCode: u.code, address: `${u.name}, tỉnh Quảng Trị` })),
  ];

  const existing = await ctx.db.selectFrom('agencies').select(['code', 'id']).where('code', 'in', planned.map((a) => a.code)).execute();
  const ids = new Map(existing.map((r) => [r.code, r.id]));
  const missing = planned.filter((a) => !ids.has(a.code));
  if (missing.length === 0) return;

  await ctx.db.transaction().execute(async (trx) => {
    // Parents come first in `planned`, so each parent's id is known when its children are inserted.
    for (const parentCode of [null, PROVINCIAL_COMMITTEE.code]) {
      const batch = missing.filter((a) => a.parentCode === parentCode);
      if (batch.length === 0) continue;
      const rows = await trx
        .insertInto('agencies')
        .values(
          batch.map((a) => ({
            code: a.code,
            name: a.name,
            name_en: a.nameEn,
            kind: a.kind,
            parent_id: a.parentCode ? (ids.get(a.parentCode) ?? null) : null,
            admin_unit_code: a.adminUnitCode,
            address: a.address,
            phone: null,
            email: null,
            is_demo: true,
            search_text: agencySearchText(a),
          })),
        )
        .returning(['code', 'id'])
        .execute();
      for (const r of rows) ids.set(r.code, r.id);
    }
    await ctx.audit.record(trx, {
      actor: { userId: null, label: 'system:demo-seed' },
      action: 'agency.seed_demo',
      targetType: 'agency',
      details: { created: missing.map((a) => a.code), demo: true },
    });
  });
}
