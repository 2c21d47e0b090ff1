import { Type, type TSchema } from 'typebox';
import { PageQuery, StrictObject, Uuid } from '../http/schema.js';
import { AGENCY_KINDS, type AgencyKind } from './tables.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const AgencyKindSchema = Type.Unsafe<AgencyKind>({
  type: 'string',
  enum: [...AGENCY_KINDS],
  description: 'provincial_committee (UBND tỉnh), department (Sở, ban, ngành), commune_committee (UBND xã/phường/đặc khu), public_service_unit, other',
});

export const AgencySummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: AgencyKindSchema,
  parentId: Nullable(Type.String()),
  adminUnitCode: Nullable(Type.String()),
});

export const AgencyView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: AgencyKindSchema,
  parentId: Nullable(Type.String()),
  parent: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  adminUnitCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  childCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export interface TreeNode {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  adminUnitCode: string | null;
  children: TreeNode[];
}

// A recursive schema would need a $ref; the tree is documented, and children are left open.
export const AgencyTree = Type.Object({
  items: Type.Array(Type.Unknown({ description: '{ id, code, name, kind, adminUnitCode, children: [same shape] }' })),
});

export const ListQuery = StrictObject({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  kind: Type.Optional(AgencyKindSchema),
  parentId: Type.Optional(Uuid),
  ...PageQuery,
});

export const IdParams = StrictObject({ id: Uuid });
export const StaffParams = StrictObject({ id: Uuid, userId: Uuid });

const Code = Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$', description: 'Upper-case letters, digits, - and _' });
const Name = Type.String({ minLength: 2, maxLength: 200 });
const Phone = Type.String({ pattern: '^\\+?[0-9 .()-]{6,20}$' });
const Email = Type.String({ format: 'email', maxLength: 254 });

export const CreateBody = StrictObject({
  code: Code,
  name: Name,
  nameEn: Type.Optional(Nullable(Name)),
  kind: AgencyKindSchema,
  parentId: Type.Optional(Nullable(Uuid)),
  adminUnitCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z_-]{1,20}$' }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
});

/** Everything but the code, which other modules and the CLI use as a stable reference. */
export const PatchBody = StrictObject(
  {
    name: Type.Optional(Name),
    nameEn: Type.Optional(Nullable(Name)),
    kind: Type.Optional(AgencyKindSchema),
    parentId: Type.Optional(Nullable(Uuid)),
    adminUnitCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z_-]{1,20}$' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    phone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Email)),
  },
  { minProperties: 1 },
);

export const AssignBody = StrictObject({
  role: Type.Union([Type.Literal('officer'), Type.Literal('agency_admin')]),
});
