import { useEffect, useRef, useState } from 'preact/hooks';
import { idbDelete, idbGet, idbPut } from './store.js';
import type { Category, ReportInput } from './types.js';

export interface DraftPhoto {
  id: string;
  name: string;
  type: string;
  blob: Blob;
}

/** Everything the report form holds; saved to IndexedDB as the person types. */
export interface Draft {
  categoryCode: string;
  description: string;
  lat: number | null;
  lng: number | null;
  /** How the point was chosen: tap on the map, the device's location, or a commune's centre. */
  placeSource: 'map' | 'gps' | 'commune' | '';
  address: string;
  communeCode: string;
  communeName: string;
  attributes: Record<string, string | string[]>;
  hideName: boolean;
  contact: { name: string; phone: string; email: string };
  photos: DraftPhoto[];
  updatedAt: string;
}

export const MAX_PHOTOS = 5;
export const MIN_DESCRIPTION = 10;
const KEY = 'current';
/** Changes saved without waiting: they are single taps, not typing. */
const URGENT: Array<keyof Draft> = ['categoryCode', 'lat', 'photos', 'hideName', 'communeCode'];

export function emptyDraft(): Draft {
  return {
    categoryCode: '',
    description: '',
    lat: null,
    lng: null,
    placeSource: '',
    address: '',
    communeCode: '',
    communeName: '',
    attributes: {},
    hideName: false,
    contact: { name: '', phone: '', email: '' },
    photos: [],
    updatedAt: new Date().toISOString(),
  };
}

export function isBlank(d: Draft): boolean {
  return !d.categoryCode && !d.description.trim() && d.lat === null && !d.address.trim() && d.photos.length === 0;
}

const present = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v.trim() !== '');

/** The JSON the API takes: empty fields left out, only the chosen category's answers. */
export function toReportInput(d: Draft, category: Category | undefined): ReportInput {
  const attributes: Record<string, string | string[]> = {};
  for (const a of category?.attributes ?? []) {
    const v = d.attributes[a.code];
    if (!present(v)) continue;
    if (Array.isArray(v)) attributes[a.code] = v;
    // A datetime-local value is the person's wall-clock time: send it as an instant.
    else if (a.datatype === 'datetime' && !Number.isNaN(Date.parse(v!))) attributes[a.code] = new Date(v!).toISOString();
    else attributes[a.code] = v!.trim();
  }
  const contact: NonNullable<ReportInput['contact']> = {};
  if (d.contact.name.trim()) contact.name = d.contact.name.trim();
  if (d.contact.phone.trim()) contact.phone = d.contact.phone.trim();
  if (d.contact.email.trim()) contact.email = d.contact.email.trim();
  return {
    categoryCode: d.categoryCode,
    description: d.description.trim(),
    lat: d.lat ?? 0,
    lng: d.lng ?? 0,
    ...(d.address.trim() ? { address: d.address.trim() } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    hideName: d.hideName,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
}

/** Back from an outbox entry to the form (to correct a report the server refused). */
export function fromReportInput(r: ReportInput, photos: DraftPhoto[]): Draft {
  return {
    ...emptyDraft(),
    categoryCode: r.categoryCode,
    description: r.description,
    lat: r.lat,
    lng: r.lng,
    placeSource: 'map',
    address: r.address ?? '',
    attributes: r.attributes ?? {},
    hideName: r.hideName,
    contact: { name: r.contact?.name ?? '', phone: r.contact?.phone ?? '', email: r.contact?.email ?? '' },
    photos,
  };
}

export function saveDraft(d: Draft): Promise<void> {
  return idbPut('drafts', d, KEY);
}

export function clearDraft(): Promise<void> {
  return idbDelete('drafts', KEY);
}

export interface DraftState {
  draft: Draft;
  /** false until the stored draft has been read (the form waits for it). */
  loaded: boolean;
  /** A draft from an earlier visit was restored. */
  restored: boolean;
  /** IndexedDB refused: the form works, but nothing survives a reload. */
  unavailable: boolean;
  /** When the draft was last written to this device. */
  savedAt: Date | null;
  update(change: Partial<Draft>): void;
  reset(): void;
}

/** The form's state, restored on load and written back a moment after every change. */
export function useDraft(): DraftState {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    let cancelled = false;
    idbGet<Draft>('drafts', KEY).then(
      (stored) => {
        if (cancelled) return;
        if (stored && !isBlank(stored)) {
          setDraft({ ...emptyDraft(), ...stored, contact: { ...emptyDraft().contact, ...stored.contact } });
          setRestored(true);
        }
        setLoaded(true);
      },
      () => {
        if (cancelled) return;
        setUnavailable(true);
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // Typing is saved a moment after the last key; a chosen place, photo or category at once.
  const urgent = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(() => {
    if (!loaded || !dirty.current || unavailable) return;
    const save = () =>
      saveDraft(draft).then(
        () => setSavedAt(new Date()),
        () => setUnavailable(true),
      );
    if (urgent.current) {
      urgent.current = false;
      void save();
      return;
    }
    const timer = setTimeout(save, 300);
    return () => clearTimeout(timer);
  }, [draft, loaded, unavailable]);

  // Leaving or hiding the page (switching to the camera app, say): write what is pending now.
  useEffect(() => {
    const flush = () => {
      if (dirty.current && loaded && !unavailable) void saveDraft(latest.current).catch(() => {});
    };
    const hidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [loaded, unavailable]);

  return {
    draft,
    loaded,
    restored,
    unavailable,
    savedAt,
    update(change) {
      dirty.current = true;
      if (URGENT.some((k) => k in change)) urgent.current = true;
      setDraft((d) => ({ ...d, ...change, updatedAt: new Date().toISOString() }));
    },
    reset() {
      dirty.current = false;
      setDraft(emptyDraft());
      setRestored(false);
      setSavedAt(null);
      clearDraft().catch(() => {});
    },
  };
}
