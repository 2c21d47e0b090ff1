import type { ColumnType, Generated } from 'kysely';
import type { Role } from './roles.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UserTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  phone: string | null;
  password_hash: string | null;
  role: Role;
  agency_id: string | null;
  oidc_subject: string | null;
  status: Generated<'active' | 'disabled'>;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  search_text: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApiKeyTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  agency_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IdentityTables {
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  password_resets: PasswordResetTable;
}
