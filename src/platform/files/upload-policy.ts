import sharp from 'sharp';

/** Types the platform can take in: photos the way phones and cameras make them, and PDFs. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export const IMAGE_TYPES: readonly AcceptedType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];

export interface UploadPurpose {
  /** Types allowed for this purpose, as detected from the bytes. */
  accept: readonly AcceptedType[];
  /** A limit below MAX_UPLOAD_BYTES for this purpose (the smaller of the two applies). */
  maxBytes?: number;
  /** Longest side of a stored image, in pixels. */
  maxImageDimension?: number;
}

export const DEFAULT_MAX_IMAGE_DIMENSION = 2560;
export const DEFAULT_PURPOSE = 'attachment';

const purposes = new Map<string, UploadPurpose>([
  // Evidence attached to a request or a report: photos or scanned documents.
  ['attachment', { accept: ACCEPTED_TYPES }],
  ['image', { accept: IMAGE_TYPES }],
  ['document', { accept: ['application/pdf'] }],
  ['avatar', { accept: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 2 * 1024 * 1024, maxImageDimension: 512 }],
]);

export const PURPOSE_PATTERN = '^[a-z][a-z0-9_-]{0,39}$';

/** Lets a module declare its own purpose (e.g. `feedback-photo`) with its own allow-list. */
export function defineUploadPurpose(name: string, purpose: UploadPurpose): void {
  if (!new RegExp(PURPOSE_PATTERN).test(name)) throw new Error(`Invalid upload purpose name: ${name}`);
  purposes.set(name, purpose);
}

export function uploadPurpose(name: string): UploadPurpose | undefined {
  return purposes.get(name);
}

/**
 * HEIC (iPhone photos) is HEVC-compressed; the prebuilt image library ships without an HEVC
 * decoder for patent reasons, so HEIC is only accepted where the installed build can read it.
 */
export function heicSupported(): boolean {
  const heif = (sharp.format as unknown as Record<string, { input?: { buffer?: boolean; fileSuffix?: string[] } } | undefined>).heif;
  return !!heif?.input?.buffer && !!heif.input.fileSuffix?.includes('.heic');
}

/** Maps what `file-type` reports to the types above (HEIF stills are treated as HEIC). */
export function acceptedTypeOf(detectedMime: string | undefined): AcceptedType | undefined {
  if (detectedMime === 'image/heif' || detectedMime === 'image/heic' || detectedMime === 'image/heic-sequence') return 'image/heic';
  return (ACCEPTED_TYPES as readonly string[]).includes(detectedMime ?? '') ? (detectedMime as AcceptedType) : undefined;
}
