import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, asApiError } from '../../../lib/api.js';
import type { User } from '../../../lib/session.js';
import type { ApplicantKind, DossierDetail, DraftInput, ProcedureDetail } from '../../types.js';
import { createDraft, dossierUrl, newKey, removeComponent, resubmitDossier, saveDraft, submitDraft, uploadComponent } from '../api.js';
import { toData, toRaw, type FieldSpec } from '../form/schema.js';
import { normalisePhone } from './checks.js';
import { clearLocal, emptyApplicant, newDraft, readLocal, writeLocal, type LocalDraft, type UploadedInfo } from './local-draft.js';
import { draftKeysOf, dropPending, keepPending, pendingFor, toFile } from './pending-files.js';

export type SyncState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';
export interface UploadProgress {
  state: 'uploading' | 'failed';
  progress: number;
  file: File;
  error?: ApiError;
  /** Kept on this device (IndexedDB) after a network failure: survives a reload, retried when online. */
  kept?: boolean;
}

/** Typing is sent to the server this long after the last change. */
const SERVER_DELAY_MS = 1500;
/** While offline, how often to try again besides the browser's `online` event. */
const RETRY_MS = 20_000;

export const isNetwork = (e: unknown) => e instanceof ApiError && e.status === 0;
/** A dossier sent back for completion (Mẫu 02) is edited here too, then resubmitted. */
const editable = (d: DossierDetail) => d.status === 0 || (d.status === 1 && d.subState === 'completion_requested');

function defaultKind(user: User, procedure: ProcedureDetail): ApplicantKind {
  const wanted: ApplicantKind = user.role === 'business' ? 'business' : 'citizen';
  return procedure.subjects.length === 0 || procedure.subjects.includes(wanted) ? wanted : procedure.subjects[0]!;
}

/** A new form starts with the signed-in person's own name and contacts. */
function prefilled(user: User, procedure: ProcedureDetail): LocalDraft {
  const d = newDraft(procedure.code, defaultKind(user, procedure));
  d.procedureName = procedure.name;
  d.applicant = { ...emptyApplicant(), name: user.fullName, email: user.email, phone: user.phone ?? '' };
  return d;
}

function fromServer(server: DossierDetail, fields: FieldSpec[], local: LocalDraft | null): LocalDraft {
  const uploads: Record<string, UploadedInfo> = {};
  for (const c of server.components) {
    if (!c.fileId) continue;
    const known = local?.uploads[c.componentCode];
    uploads[c.componentCode] = { id: c.id, fileName: known?.id === c.id ? known.fileName : (c.name ?? c.componentCode), size: known?.id === c.id ? known.size : 0, sha256: c.sha256 ?? '' };
  }
  // This device's copy holds the latest typing (it is written before the server's); else the server's.
  const base: LocalDraft = local ?? {
    ...newDraft(server.procedure.code, server.applicantKind),
    procedureName: server.procedure.name,
    applicant: { ...emptyApplicant(), ...(server.applicant ?? {}) },
    onBehalf: server.onBehalf,
    form: toRaw(fields, server.formData),
    communeCode: server.communeCode ?? '',
    exemptionCodes: server.exemptionCodes ?? [],
  };
  return { ...base, dossierId: server.id, version: server.version, uploads };
}

export function toInput(d: LocalDraft, fields: FieldSpec[]): Omit<DraftInput, 'version'> {
  const applicant = Object.fromEntries(
    Object.entries(d.applicant)
      .map(([k, v]) => [k, k === 'phone' ? normalisePhone(v) : v.trim()])
      .filter(([k, v]) => v !== '' || k === 'name'),
  );
  return {
    applicantKind: d.applicantKind,
    applicant: applicant as DraftInput['applicant'],
    onBehalf: d.onBehalf,
    formData: toData(fields, d.form),
    ...(d.communeCode ? { communeCode: d.communeCode } : {}),
    exemptionCodes: d.exemptionCodes,
  };
}

/**
 * The filing form's state: restored from this device or the server draft, written to the device at
 * once and to the server shortly after, files uploaded to the draft as soon as they are chosen.
 */
export function useFiling(user: User, procedure: ProcedureDetail, fields: FieldSpec[], resumeId: string | null) {
  const [draft, setDraft] = useState<LocalDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [alreadySubmitted, setAlreadySubmitted] = useState<DossierDetail | null>(null);
  const [resubmission, setResubmission] = useState(false);
  const [sync, setSync] = useState<{ state: SyncState; error?: ApiError }>({ state: 'idle' });
  const [uploads, setUploads] = useState<Record<string, UploadProgress>>({});
  const [localOk, setLocalOk] = useState(true);
  const latest = useRef<LocalDraft | null>(null);
  const rev = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const store = useCallback((next: LocalDraft) => {
    latest.current = next;
    setDraft(next);
    setLocalOk(writeLocal(user.id, next));
  }, []);
  /** The person's change: saved here now, on the server after a pause. */
  const update = useCallback((change: Partial<LocalDraft>) => {
    if (!latest.current) return;
    rev.current += 1;
    store({ ...latest.current, ...change, dirty: true, savedLocallyAt: new Date().toISOString() });
  }, []);
  /** Bookkeeping from the server (ids, versions): not a change of the person's. */
  const patch = (change: Partial<LocalDraft>) => latest.current && store({ ...latest.current, ...change });

  /** One server call at a time, in order: a save never races the draft's creation. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }

  async function ensureDraft(): Promise<string> {
    const d = latest.current!;
    if (d.dossierId) return d.dossierId;
    const created = await createDraft(procedure.code, d.communeCode || undefined);
    patch({ dossierId: created.id, version: created.version });
    return created.id;
  }

  async function pushNow(): Promise<void> {
    const id = await ensureDraft();
    const d = latest.current!;
    const at = rev.current;
    const input = toInput(d, fields);
    let saved: DossierDetail;
    try {
      saved = await saveDraft(id, { ...input, version: d.version ?? 0 });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      // An upload or another tab moved the version on: this device's typing is the newest.
      const fresh = await api<DossierDetail>(dossierUrl(id));
      if (!editable(fresh)) {
        setAlreadySubmitted(fresh);
        throw error;
      }
      saved = await saveDraft(id, { ...input, version: fresh.version });
    }
    patch({ version: saved.version, dirty: rev.current !== at, savedOnServerAt: new Date().toISOString() });
  }

  const push = useCallback(async () => {
    setSync({ state: 'saving' });
    try {
      await serial(pushNow);
      setSync({ state: 'saved' });
    } catch (error) {
      setSync({ state: isNetwork(error) ? 'offline' : 'error', error: asApiError(error) });
      throw error;
    }
  }, []);

  useEffect(() => {
    void (async () => {
      let local = readLocal(user.id, procedure.code);
      if (resumeId && local && local.dossierId !== resumeId) local = null;
      const id = resumeId ?? local?.dossierId ?? null;
      let next: LocalDraft | null = local;
      if (id) {
        try {
          const server = await api<DossierDetail>(dossierUrl(id));
          if (!editable(server)) {
            clearLocal(user.id, procedure.code);
            void dropPending(draftKeysOf(user.id, procedure.code, id));
            setAlreadySubmitted(server);
            return;
          }
          setResubmission(server.status !== 0);
          next = fromServer(server, fields, local);
        } catch (error) {
          // Offline: carry on with this device's copy. Gone or not ours: start a new server draft.
          if (!isNetwork(error) && next) next = { ...next, dossierId: null, version: null, uploads: {}, dirty: true };
        }
      }
      setRestored(!!next && (next.savedLocallyAt !== null || !!resumeId));
      store(next ?? prefilled(user, procedure));
      await restorePending();
    })();
  }, []);

  // Save to the server a moment after the last change; when offline, on reconnection or every 20 s.
  useEffect(() => {
    if (!draft?.dirty) return;
    const timer = setTimeout(() => void push().catch(() => {}), sync.state === 'offline' ? RETRY_MS : SERVER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, sync.state]);
  useEffect(() => {
    const online = () => {
      if (latest.current?.dirty) void push().catch(() => {});
      retryKept();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;
  const setUpload = (code: string, value: UploadProgress | null) =>
    setUploads((all) => {
      const next = { ...all };
      if (value) next[code] = value;
      else delete next[code];
      return next;
    });

  /** This draft's keys in the device store: its server id once it has one, and the device's own. */
  const pendingKeys = () => draftKeysOf(user.id, procedure.code, latest.current?.dossierId ?? null);

  /** Files that failed before a reload come back as "not uploaded yet", and are tried again at once when online. */
  async function restorePending(): Promise<void> {
    const kept = await pendingFor(pendingKeys());
    for (const p of kept) setUpload(p.componentCode, { state: 'failed', progress: 0, file: toFile(p), kept: true });
    if (kept.length > 0 && navigator.onLine !== false) for (const p of kept) void upload(p.componentCode, toFile(p));
  }

  /** Every upload that failed for want of a network, again (on `online`, or the "retry all" button). */
  function retryKept(): void {
    for (const [code, u] of Object.entries(uploadsRef.current)) if (u.state === 'failed' && (u.kept || isNetwork(u.error))) void upload(code, u.file);
  }

  async function upload(code: string, file: File): Promise<void> {
    setUpload(code, { state: 'uploading', progress: 0, file, kept: uploadsRef.current[code]?.kept ?? false });
    try {
      const id = await serial(ensureDraft);
      const res = await uploadComponent(id, code, file, (progress) => setUpload(code, { state: 'uploading', progress, file }));
      const previous = latest.current!.uploads[code];
      patch({ uploads: { ...latest.current!.uploads, [code]: { id: res.id, fileName: res.fileName || file.name, size: res.size ?? file.size, sha256: res.sha256 } } });
      setUpload(code, null);
      void dropPending(pendingKeys(), code);
      // One file per component: the one chosen before is taken off the draft.
      if (previous && previous.id !== res.id) void removeComponent(id, previous.id).catch(() => {});
    } catch (error) {
      // Only a lost connection is worth keeping: a file the server refused (type, size) would be refused again.
      const kept = isNetwork(error) && (await keepPending(pendingKeys()[0]!, code, file));
      if (!isNetwork(error)) void dropPending(pendingKeys(), code);
      setUpload(code, { state: 'failed', progress: 0, file, error: asApiError(error), kept });
    }
  }

  function cancelUpload(code: string): void {
    setUpload(code, null);
    void dropPending(pendingKeys(), code);
  }

  async function removeUpload(code: string): Promise<void> {
    const d = latest.current!;
    const previous = d.uploads[code];
    if (!previous || !d.dossierId) return;
    await removeComponent(d.dossierId, previous.id);
    const rest = { ...latest.current!.uploads };
    delete rest[code];
    patch({ uploads: rest });
  }

  async function submit(): Promise<DossierDetail> {
    await push();
    const key = latest.current!.submitKey ?? newKey();
    patch({ submitKey: key });
    const id = latest.current!.dossierId!;
    const filed = resubmission ? await resubmitDossier(id, key) : await submitDraft(id, key);
    clearLocal(user.id, procedure.code);
    void dropPending(pendingKeys());
    return filed;
  }

  function discard(): void {
    void dropPending(pendingKeys());
    clearLocal(user.id, procedure.code);
    rev.current += 1;
    store(prefilled(user, procedure));
    setRestored(false);
    setUploads({});
    setSync({ state: 'idle' });
  }

  return { draft, restored, resubmission, alreadySubmitted, sync, uploads, localOk, update, upload, removeUpload, submit, discard, cancelUpload, retryKept };
}

export type Filing = ReturnType<typeof useFiling>;
