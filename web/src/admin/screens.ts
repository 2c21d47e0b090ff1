import type { Role } from '../lib/session.js';
import type { IconName } from '../ui/Icon.js';
import type { AdminKey } from './i18n/index.js';

export interface Screen {
  path: string;
  icon: IconName;
  title: AdminKey;
  description: AdminKey;
  /** Who sees it; the server enforces the real rule. */
  roles: readonly Role[];
}

const BOTH: readonly Role[] = ['agency_admin', 'system_admin'];
const SYSTEM: readonly Role[] = ['system_admin'];

/** The admin screens, in menu order. */
export const SCREENS: Screen[] = [
  { path: '/quan-tri/co-quan', icon: 'building', title: 'agencies.title', description: 'agencies.description', roles: BOTH },
  { path: '/quan-tri/nguoi-dung', icon: 'users', title: 'users.title', description: 'users.description', roles: BOTH },
  { path: '/quan-tri/don-vi-hanh-chinh', icon: 'map', title: 'units.title', description: 'units.description', roles: BOTH },
  { path: '/quan-tri/khoa-api', icon: 'key', title: 'keys.title', description: 'keys.description', roles: SYSTEM },
  { path: '/quan-tri/lich-lam-viec', icon: 'calendar', title: 'calendar.title', description: 'calendar.description', roles: SYSTEM },
  { path: '/quan-tri/hang-doi-gui', icon: 'send', title: 'outbox.title', description: 'outbox.description', roles: SYSTEM },
  { path: '/quan-tri/nhat-ky', icon: 'shield', title: 'audit.title', description: 'audit.description', roles: SYSTEM },
];

export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}
