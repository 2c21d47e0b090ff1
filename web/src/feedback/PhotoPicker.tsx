import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DraftPhoto } from './draft.js';
import { useFeedbackT } from './i18n/index.js';
import { newKey } from './store.js';

const MAX_SIDE = 1920;

/**
 * Large photos are made smaller on the phone before they are kept or sent (a weak network thanks
 * us); re-encoding also drops the EXIF block with its GPS position. Anything the browser cannot
 * decode (HEIC on most browsers) is kept as it is: the server converts it.
 */
async function shrink(file: File): Promise<{ blob: Blob; name: string; type: string }> {
  const original = { blob: file as Blob, name: file.name || 'anh.jpg', type: file.type };
  if (file.size < 400_000 || typeof createImageBitmap !== 'function') return original;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    if (!blob || blob.size >= file.size) return original;
    return { blob, name: original.name.replace(/\.[^.]+$/, '') + '.jpg', type: 'image/jpeg' };
  } catch {
    return original;
  }
}

interface Props {
  id: string;
  photos: DraftPhoto[];
  max: number;
  onChange(photos: DraftPhoto[]): void;
  legend: string;
  hint?: string;
}

/** Choose up to `max` photos, with previews and a remove button each. */
export function PhotoPicker({ id, photos, max, onChange, legend, hint }: Props) {
  const t = useFeedbackT();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p.blob)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  async function add(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = '';
    setProblem(null);
    const room = max - photos.length;
    const images = files.filter((f) => f.type.startsWith('image/') || /\.(heic|heif)$/i.test(f.name));
    const problems: string[] = [];
    if (images.length < files.length) problems.push(t('photos.notImage'));
    if (images.length > room) problems.push(t('photos.tooMany', { n: max }));
    if (room <= 0 || images.length === 0) {
      setProblem(problems.join(' ') || null);
      return;
    }
    setBusy(true);
    const added: DraftPhoto[] = [];
    for (const file of images.slice(0, room)) added.push({ id: newKey(), ...(await shrink(file)) });
    setBusy(false);
    setProblem(problems.join(' ') || null);
    onChange([...photos, ...added]);
  }

  return (
    <fieldset class="fb-photo-picker">
      <legend>{legend}</legend>
      {hint && <p class="field__hint">{hint}</p>}
      {photos.length > 0 && (
        <ul class="fb-previews">
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={urls[i]} alt={t('photos.alt', { n: i + 1, name: p.name })} />
              <button type="button" class="btn btn--secondary btn--small" onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
                {t('photos.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < max && (
        <p class="fb-file">
          <input id={id} class="visually-hidden fb-file__input" type="file" accept="image/*,.heic,.heif" multiple onChange={(e) => void add(e.currentTarget as HTMLInputElement)} />
          <label for={id} class="btn btn--secondary">
            {t('photos.add')}
          </label>
          <span class="small muted">{t('photos.count', { n: photos.length, max })}</span>
        </p>
      )}
      {busy && (
        <p class="small muted" role="status">
          {t('photos.preparing')}
        </p>
      )}
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
