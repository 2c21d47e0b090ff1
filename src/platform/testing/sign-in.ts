import type { Role } from '../identity/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../identity/demo-accounts.js';
import type { App } from '../http/module.js';

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Headers for a read. */
  headers: Record<string, string>;
  /** Headers for a write (cookie plus the CSRF token). */
  writeHeaders: Record<string, string>;
}

export async function signIn(app: App, email: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = String(first).split(';')[0]!;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return {
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    headers: { cookie },
    writeHeaders: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Signs in as the demo account of a role (demo data must be seeded). */
export function signInAs(app: App, role: Role): Promise<SignedIn> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return signIn(app, account.email, DEMO_PASSWORD);
}
