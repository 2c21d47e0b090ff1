/**
 * The filing form as kept on this device (localStorage), so a dropped connection or a reload on a
 * weak network loses nothing: the person's typing is written here at once, and to the server draft
 * a moment later. Cleared after a successful submit.
 */
import type { Applicant, ApplicantKind } from '../../types.js';
import type { RawRecord } from '../form/schema.js';

export interface UploadedInfo {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
}

export interface LocalDraft {
  procedureCode: string;
  /** For listing drafts kept only on this device. */
  procedureName?: string;
  /** The server draft (status 0), once created. */
  dossierId: string | null;
  /** The server draft's version, for optimistic concurrency on save. */
  version: number | null;
  applicantKind: ApplicantKind;
  applicant: Required<Pick<Applicant, 'name' | 'idNumber' | 'phone' | 'email' | 'address' | 'organisation' | 'taxCode'>>;
  onBehalf: boolean;
  form: RawRecord;
  communeCode: string;
  exemptionCodes: string[];
  /** Files already on the server draft, by component code. */
  uploads: Record<string, UploadedInfo>;
  /** Reused when a submit is retried, so the server files it once. */
  submitKey: string | null;
  /** Changes not yet saved to the server. */
  dirty: boolean;
  savedLocallyAt: string | null;
  savedOnServerAt: string | null;
}

const PREFIX = 'tinhso.ps.draft';
const keyOf = (userId: string, code: string) => `${PREFIX}.${userId}.${code}`;

export function emptyApplicant(): LocalDraft['applicant'] {
  return { name: '', idNumber: '', phone: '', email: '', address: '', organisation: '', taxCode: '' };
}

export function newDraft(procedureCode: string, applicantKind: ApplicantKind): LocalDraft {
  return {
    procedureCode,
    dossierId: null,
    version: null,
    applicantKind,
    applicant: emptyApplicant(),
    onBehalf: false,
    form: {},
    communeCode: '',
    exemptionCodes: [],
    uploads: {},
    submitKey: null,
    dirty: false,
    savedLocallyAt: null,
    savedOnServerAt: null,
  };
}

export function readLocal(userId: string, code: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(keyOf(userId, code));
    if (!text) return null;
    const stored = JSON.parse(text) as Partial<LocalDraft>;
    if (stored.procedureCode !== code) return null;
    const base = newDraft(code, stored.applicantKind ?? 'citizen');
    return { ...base, ...stored, applicant: { ...base.applicant, ...stored.applicant } };
  } catch {
    return null;
  }
}

/** False when the browser refuses (private mode, full storage): the form still works, online only. */
export function writeLocal(userId: string, draft: LocalDraft): boolean {
  try {
    localStorage.setItem(keyOf(userId, draft.procedureCode), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocal(userId: string, code: string): void {
  try {
    localStorage.removeItem(keyOf(userId, code));
  } catch {
    /* nothing was stored */
  }
}

/** Drafts kept on this device for a user (for "my dossiers" → drafts). */
export function listLocal(userId: string): LocalDraft[] {
  const out: LocalDraft[] = [];
  try {
    const prefix = `${PREFIX}.${userId}.`;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = readLocal(userId, key.slice(prefix.length));
      if (draft) out.push(draft);
    }
  } catch {
    /* storage unavailable */
  }
  return out.sort((a, b) => (b.savedLocallyAt ?? '').localeCompare(a.savedLocallyAt ?? ''));
}
