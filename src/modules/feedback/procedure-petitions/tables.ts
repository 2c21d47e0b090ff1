import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { feedbackDb, type FeedbackTables, type FeedbackTrx } from '../tables.js';

export type PetitionClass = 'procedure' | 'officer_conduct';
export const PETITION_CLASSES: readonly PetitionClass[] = ['procedure', 'officer_conduct'];

export interface PetitionCategoryTable {
  category_code: string;
  /** The class a petition of this category gets at filing; null: an officer classifies it. */
  default_class: PetitionClass | null;
}

export interface ProcedurePetitionTable {
  report_id: string;
  petition_class: PetitionClass | null;
  procedure_code: string | null;
  dossier_code: string | null;
  dossier_id: string | null;
  /** The earlier answered petition of the same person about the same procedure or dossier. */
  reraise_of: string | null;
  classified_at: Date | null;
  classified_by: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PetitionVoteTable {
  report_id: string;
  user_id: string;
  /** 1 like, -1 dislike. */
  vote: 1 | -1;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type PetitionTables = FeedbackTables & {
  feedback_petition_categories: PetitionCategoryTable;
  feedback_procedure_petitions: ProcedurePetitionTable;
  feedback_petition_votes: PetitionVoteTable;
};
export type PetitionDb = Kysely<Database & PetitionTables>;
export type PetitionTrx = Transaction<Database & PetitionTables>;

export function petitionDb(db: Kysely<Database>): PetitionDb {
  return feedbackDb(db).withTables<PetitionTables>() as unknown as PetitionDb;
}

export function petitionTrx(trx: FeedbackTrx | Transaction<Database>): PetitionTrx {
  return trx as unknown as PetitionTrx;
}

/** The same transaction seen as a platform one, for the audit service. */
export function asPlatform(trx: PetitionTrx): Transaction<Database> {
  return trx as unknown as Transaction<Database>;
}
