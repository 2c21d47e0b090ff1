/** The roles of the platform, from least to most trusted within their scope. */
export const ROLES = ['citizen', 'business', 'officer', 'agency_admin', 'leader', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act on behalf of an agency and must belong to one. */
export const AGENCY_ROLES: readonly Role[] = ['officer', 'agency_admin'];
export const STAFF_ROLES: readonly Role[] = ['officer', 'agency_admin', 'leader', 'system_admin'];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Người dân', en: 'Citizen' },
  business: { vi: 'Doanh nghiệp', en: 'Business' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  agency_admin: { vi: 'Quản trị đơn vị', en: 'Agency administrator' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** API-key scopes known to the platform; modules add theirs (e.g. `open311`, `ioc:read`). */
export const API_SCOPES = [
  'admin-units:read',
  'agencies:read',
  'calendar:read',
  'users:read',
  'audit:read',
  'open311',
  'ioc:read',
  'iot:read',
  'iot:write',
] as const;
