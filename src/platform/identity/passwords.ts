import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm) with OWASP's minimum cost: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified when the account doesn't exist so timing doesn't reveal it. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

/** Rules a new password must meet; returns the problem in both languages, or null. */
export function passwordProblem(password: string, email: string): { vi: string; en: string } | null {
  if (password.length < 10) return { vi: 'Mật khẩu cần ít nhất 10 ký tự.', en: 'The password needs at least 10 characters.' };
  if (password.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) {
    return { vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'The password must not contain the account name.' };
  }
  if (new Set(password).size < 5) return { vi: 'Mật khẩu quá đơn giản.', en: 'The password is too simple.' };
  return null;
}
