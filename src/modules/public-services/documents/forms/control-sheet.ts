import type { Selectable } from 'kysely';
import { SUB_STATES } from '../../statuses.js';
import type { DossierEventTable } from '../../tables.js';
import { vnDate, vnDateTime } from '../format.js';
import { dossierLine, startForm, when, type FormRenderer, type RenderInput } from './common.js';

export type EventRow = Selectable<DossierEventTable>;

/** Trail actions that pass the dossier from one person or agency to the next. */
const HANDOVER_ACTIONS = new Set(['receive', 'assign', 'advance', 'transfer', 'accept_transfer', 'issue_result', 'return']);

export function isHandover(e: EventRow): boolean {
  return HANDOVER_ACTIONS.has(e.action) || !!e.to_agency_id;
}

export type Timeliness = 'early' | 'on_time' | 'late';
export const TIMELINESS_LABELS: Record<Timeliness, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

/** Early when handed over on an earlier day than due, on time up to the due instant, late after it. */
export function timeliness(at: Date, due: Date | null): Timeliness | null {
  if (!due) return null;
  if (at.getTime() > due.getTime()) return 'late';
  return vnDate(at) === vnDate(due) ? 'on_time' : 'early';
}

export interface HandoverRow {
  giver: string;
  receiver: string;
  at: Date;
  /** The due time of the step that this handover ends. */
  stepDueAt: Date | null;
  timeliness: Timeliness | null;
}

/** Names the sheet needs: users by id, agencies by id (both already resolved by the caller). */
export interface Names {
  users: Map<string, string>;
  agencies: Map<string, string>;
  steps: Map<number, string>;
  receivingName: string;
}

const APPLICANT = 'Tổ chức, cá nhân nộp hồ sơ';

function person(e: EventRow, names: Names): string {
  const who = (e.actor_user_id && names.users.get(e.actor_user_id)) || e.actor_label;
  const agency = e.agency_id ? names.agencies.get(e.agency_id) : undefined;
  return agency ? `${who} (${agency})` : who;
}

function receiverOf(e: EventRow, names: Names): string {
  if (e.to_agency_id) return names.agencies.get(e.to_agency_id) ?? e.to_agency_id;
  const assignee = typeof e.data.assigneeId === 'string' ? names.users.get(e.data.assigneeId) : undefined;
  switch (e.action) {
    case 'receive':
    case 'accept_transfer':
      return person(e, names);
    case 'assign':
      return assignee ?? (typeof e.data.assigneeName === 'string' ? e.data.assigneeName : '—');
    case 'advance':
      return (e.step !== null && names.steps.get(e.step)) || SUB_STATES[e.sub_state as keyof typeof SUB_STATES]?.vi || e.sub_state || '—';
    case 'issue_result':
      return `Bộ phận tiếp nhận và trả kết quả (${names.receivingName})`;
    case 'return':
      return APPLICANT;
    default:
      return '—';
  }
}

/** One row per handover, in trail order; each step is judged against the due time it was given. */
export function handoverRows(events: EventRow[], names: Names): HandoverRow[] {
  const handovers = events.filter(isHandover);
  const rows: HandoverRow[] = [];
  handovers.forEach((e, i) => {
    const stepDueAt = i > 0 ? handovers[i - 1]!.step_due_at : null;
    // Accepting a transfer is the other agency taking it in: it gives to its own officer.
    const giver = e.action === 'receive' ? APPLICANT : e.action === 'accept_transfer' && rows.length ? rows[rows.length - 1]!.receiver : person(e, names);
    rows.push({ giver, receiver: receiverOf(e, names), at: e.at, stepDueAt, timeliness: timeliness(e.at, stepDueAt) });
  });
  return rows;
}

/** Mẫu 06 (2025; Mẫu 05 in 2018): Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export function controlSheetRenderer(rows: HandoverRow[]): FormRenderer {
  return async (input: RenderInput) => {
    const { dossier } = input.data;
    const pdf = startForm('control_sheet', input, [`${rows.length} lượt giao nhận`]);
    dossierLine(pdf, input);
    pdf.field('Ngày hẹn trả kết quả', when(dossier.due_at));
    pdf.table(
      [
        { header: 'STT', width: 6 },
        { header: 'Bên giao', width: 25 },
        { header: 'Bên nhận', width: 25 },
        { header: 'Thời gian giao, nhận', width: 15 },
        { header: 'Hạn xử lý của bước', width: 15 },
        { header: 'Kết quả', width: 12 },
      ],
      rows.map((r, i) => [String(i + 1), r.giver, r.receiver, vnDateTime(r.at), r.stepDueAt ? vnDateTime(r.stepDueAt) : '—', r.timeliness ? TIMELINESS_LABELS[r.timeliness] : '—']),
    );
    return pdf.finish();
  };
}
