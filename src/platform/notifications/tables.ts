import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type MailStatus = 'pending' | 'sent' | 'kept' | 'failed';

/**
 * Every e-mail the platform sends, written in the transaction that causes it. `kept` means no SMTP
 * server is configured and the message stays here for administrators to read.
 */
export interface MailOutboxTable {
  id: Generated<string>;
  /** Insertion order, for stable cursor pages. */
  seq: ColumnType<string, never, never>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** An https unsubscribe address for mailing-list mail (List-Unsubscribe, RFC 8058 one-click). */
  list_unsubscribe: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  /** The SMTP server's answer to the last failed attempt (never credentials). */
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Bilingual {
  vi: string;
  en: string;
}

/** The in-app inbox (the bell in the header). */
export interface NotificationTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  user_id: string;
  category: string;
  title: JSONColumnType<Bilingual>;
  body: JSONColumnType<Bilingual>;
  /** A path inside the site (`/…`), never an outside address. */
  link: string | null;
  read_at: Timestamp | null;
  created_at: CreatedAt;
}

export type NotificationChannel = 'in_app' | 'email';

/** Only choices that differ from the default (everything on) are stored. */
export interface NotificationPreferenceTable {
  user_id: string;
  category: string;
  channel: NotificationChannel;
  enabled: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationTables {
  mail_outbox: MailOutboxTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
}
