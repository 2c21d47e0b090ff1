import { Type, type Static } from 'typebox';
import { StrictObject } from '../http/schema.js';
import { ROLES, type Role } from './roles.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });

export const UserView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    fullName: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    agencyId: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    isDemo: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);
export type UserView = Static<typeof UserView>;

export const MeView = Type.Object({
  user: Type.Union([UserView, Type.Null()]),
  apiKey: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()) }), Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const LoginBody = StrictObject({ email: Email, password: Password });
export const RegisterBody = StrictObject({
  email: Email,
  password: Password,
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,15}$' })),
  accountType: Type.Union([Type.Literal('citizen'), Type.Literal('business')]),
});
export const ResetRequestBody = StrictObject({ email: Email });
export const ResetConfirmBody = StrictObject({ token: Type.String({ minLength: 20, maxLength: 100 }), password: Password });
export const SessionView = Type.Object({ user: UserView, csrfToken: Type.String() });

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  phone: string | null;
  role: UserView['role'];
  agency_id: string | null;
  status: string;
  is_demo: boolean;
  created_at: Date;
}

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    role: row.role,
    agencyId: row.agency_id,
    status: row.status,
    isDemo: row.is_demo,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const USER_COLUMNS = ['id', 'email', 'full_name', 'phone', 'role', 'agency_id', 'status', 'is_demo', 'created_at'] as const;
