import type { ColumnType, Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Bilingual = { vi: string; en: string };

/** How urgent a report is and how long the agency has (set by the province's own decision). */
export interface HandlingClassTable {
  code: string;
  name_vi: string;
  name_en: string;
  /** Working hours to accept or refuse a new report. */
  accept_hours: number;
  /** Time to resolve once accepted, in `resolve_unit`. */
  resolve_amount: number;
  resolve_unit: 'working_hours' | 'working_days';
  priority: number;
  source: string;
}

export interface CategoryTable {
  code: string;
  name_vi: string;
  name_en: string;
  group_vi: string;
  group_en: string;
  description_vi: string;
  description_en: string;
  keywords: string;
  /** Who handles it: a fixed agency, or the People's Committee of the commune containing the point. */
  responsible: 'agency' | 'commune';
  agency_id: string | null;
  handling_class: string;
  active: Generated<boolean>;
  sort_order: number;
  is_demo: Generated<boolean>;
  search_text: string;
}

export interface CategoryAttributeTable {
  category_code: string;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description_vi: string;
  description_en: string;
  sort_order: number;
  values: JSONColumnType<Array<{ key: string; name: Bilingual }>>;
}

/** A per-commune override of the agency responsible for a category. */
export interface CategoryRouteTable {
  category_code: string;
  commune_code: string;
  agency_id: string;
}

export type ReportStatus = 'new' | 'accepted' | 'in_progress' | 'resolved' | 'closed';
export type ReportOutcome = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate' | 'refused';

export interface ReportTable {
  id: Generated<string>;
  tracking_code: string;
  category_code: string;
  description: string;
  lat: number;
  lng: number;
  address: string | null;
  commune_code: string;
  agency_id: string;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  outcome_reason: string | null;
  handling_class: string;
  attributes: JSONColumnType<Record<string, string | string[]>>;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  hide_name: boolean;
  source: 'web' | 'open311' | 'counter';
  open311_token: string | null;
  /** Photo addresses an Open311 client sent (`media_url`); shown as given, never fetched. */
  media_urls: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  duplicate_of: string | null;
  transferred_to: string | null;
  result_text: string | null;
  rating_stars: number | null;
  rating_comment: string | null;
  reopen_count: Generated<number>;
  accept_due_at: Timestamp;
  due_at: Timestamp | null;
  calendar_version: number;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  accepted_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  rated_at: Timestamp | null;
  /** Why an officer hid the description from the public (moderation); the text is kept. */
  hidden_reason: string | null;
  is_demo: Generated<boolean>;
  search_text: string;
  /** The officer handling the report inside its agency. */
  assigned_to: string | null;
  assigned_at: Timestamp | null;
  /** When the reminder before the current deadline was sent (cleared when the deadline changes). */
  reminded_at: Timestamp | null;
  /** When the overdue report was escalated, and to which supervising agency. */
  escalated_at: Timestamp | null;
  escalated_to: string | null;
}

export interface ReportPhotoTable {
  report_id: string;
  file_id: string;
  kind: 'report' | 'result';
  sort_order: number;
  hidden_reason: string | null;
}

/** The timeline: every change of a report, public or internal. */
export interface ReportEventTable {
  id: Generated<string>;
  report_id: string;
  at: CreatedAt;
  kind: string;
  public: boolean;
  actor_user_id: string | null;
  actor_label: string;
  agency_id: string | null;
  data: JSONColumnType<Record<string, unknown>>;
}

/** Canned answers (mẫu trả lời) an agency keeps for frequent actions; agency_id null = province-wide. */
export interface ResponseTemplateTable {
  id: Generated<string>;
  agency_id: string | null;
  action: 'refuse' | 'resolve' | 'close' | 'transfer' | 'note';
  title: string;
  body: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/**
 * E-mail subscriptions: to one report (its followers), to a category or to a commune. Confirmed by a
 * link before anything is sent; the token (only its hash stored) also unsubscribes.
 */
export interface SubscriptionTable {
  id: Generated<string>;
  email: string;
  user_id: string | null;
  scope: 'report' | 'category' | 'commune';
  report_id: string | null;
  category_code: string | null;
  commune_code: string | null;
  token_hash: string;
  confirmed_at: Timestamp | null;
  /** The last timeline event already sent to this subscriber. */
  last_event_id: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
}

type WorkingDayCount = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30;
/** Histogram of handling times: results given after 0, 1, …, 30 working days, and after more than 30. */
export type HandlingDaysColumn = `days_${WorkingDayCount}` | 'days_over_30';
export type StatsCounterColumn =
  | 'received'
  | 'accepted'
  | 'resolved'
  | 'resolved_on_time'
  | 'closed_fixed'
  | 'closed_not_fixed'
  | 'closed_not_ours'
  | 'closed_duplicate'
  | 'closed_refused'
  | 'rated_count'
  | 'rating_sum'
  | 'reopened'
  | HandlingDaysColumn;

/**
 * Maintained aggregates behind the public statistics (see stats/README.md): one row per day (Vietnam
 * time), agency, commune and category, with counters added in the same transaction as each change.
 */
export type StatsDailyTable = {
  /** A `date` column; read it through `to_char(day, 'YYYY-MM-DD')`. */
  day: ColumnType<string, string, never>;
  agency_id: string;
  commune_code: string;
  category_code: string;
} & { [K in StatsCounterColumn]: ColumnType<number, number | undefined, number> };

// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
export type FeedbackTables = {
  feedback_handling_classes: HandlingClassTable;
  feedback_categories: CategoryTable;
  feedback_category_attributes: CategoryAttributeTable;
  feedback_category_routes: CategoryRouteTable;
  feedback_reports: ReportTable;
  feedback_report_photos: ReportPhotoTable;
  feedback_report_events: ReportEventTable;
  feedback_stats_daily: StatsDailyTable;
  feedback_response_templates: ResponseTemplateTable;
  feedback_subscriptions: SubscriptionTable;
};

export type FeedbackDb = Kysely<Database & FeedbackTables>;
export type FeedbackTrx = Transaction<Database & FeedbackTables>;

export function feedbackDb(db: Kysely<Database>): FeedbackDb {
  return db.withTables<FeedbackTables>();
}

/** The same transaction seen as a platform one, for platform services (audit, files) that take it. */
export function platformTrx(trx: FeedbackTrx): Transaction<Database> {
  return trx as unknown as Transaction<Database>;
}
