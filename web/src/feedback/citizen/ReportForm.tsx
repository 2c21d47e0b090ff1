import { useEffect, useRef, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useLang } from '../../lib/i18n.js';
import { navigate, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { fieldError, Loading, ProblemBox } from '../../ui/Problem.js';
import { BASE, submitReport } from '../api.js';
import { MAX_PHOTOS, MIN_DESCRIPTION, toReportInput, useDraft, type Draft } from '../draft.js';
import { useFeedbackT } from '../i18n/index.js';
import { enqueue, isNetworkError, watchOutbox } from '../outbox.js';
import { PhotoPicker } from '../PhotoPicker.js';
import { useProvinceCode } from '../province.js';
import { newKey } from '../store.js';
import type { Category } from '../types.js';
import { AttributeFields } from './AttributeFields.js';
import { CategoryPicker } from './CategoryPicker.js';
import { NearbyHint } from './NearbyHint.js';
import { OutboxPanel } from './OutboxPanel.js';
import { PlacePicker } from './PlacePicker.js';

type Errors = Record<string, string>;
const PHONE = /^\+?[0-9 .-]{8,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The report form. Saved as a draft on this device while typing; queued when the network is down. */
export function ReportForm({ user }: { user: User | null | undefined }) {
  const t = useFeedbackT();
  const { lang } = useLang();
  useTitle(t('form.title'));
  const { draft, loaded, restored, unavailable, savedAt, update, reset } = useDraft();
  const categories = useApi<{ items: Category[] }>(`${BASE}/categories`);
  const province = useProvinceCode();
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [outside, setOutside] = useState(false);
  const prefilled = useRef(false);
  const list = categories.data?.items ?? [];
  const category = list.find((c) => c.code === draft.categoryCode);

  // Signed in: the contact details come from the account (once, and only into empty fields).
  useEffect(() => {
    if (!loaded || !user || prefilled.current) return;
    prefilled.current = true;
    const c = draft.contact;
    if (c.name || c.phone || c.email) return;
    update({ contact: { name: user.fullName, phone: user.phone ?? '', email: user.email } });
  }, [loaded, user]);

  useEffect(() => watchOutbox(), []);

  function validate(d: Draft): Errors {
    const e: Errors = {};
    if (!d.categoryCode) e.category = t('cat.required');
    if (d.description.trim().length < MIN_DESCRIPTION) e.description = t('form.descriptionShort', { n: MIN_DESCRIPTION });
    if (d.lat === null || d.lng === null) e.place = t('place.required');
    else if (outside) e.place = t('place.outside');
    for (const a of category?.attributes ?? []) {
      const v = d.attributes[a.code];
      if (a.required && (v === undefined || (Array.isArray(v) ? v.length === 0 : !v.trim()))) e[`attr.${a.code}`] = t('attrs.missing');
    }
    if (d.contact.name.trim() && d.contact.name.trim().length < 2) e.name = t('contact.nameShort');
    if (d.contact.phone.trim() && !PHONE.test(d.contact.phone.trim())) e.phone = t('contact.phoneInvalid');
    if (d.contact.email.trim() && !EMAIL.test(d.contact.email.trim())) e.email = t('contact.emailInvalid');
    return e;
  }

  const FOCUS: Record<string, string> = { category: 'fb-category', description: 'fb-description', place: 'fb-place', name: 'fb-name', phone: 'fb-phone', email: 'fb-email' };
  async function submit(event: Event) {
    event.preventDefault();
    setServerError(undefined);
    const found = validate(draft);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(FOCUS[first] ?? `fb-attr-${first.slice(5)}`)?.focus();
      return;
    }
    const report = toReportInput(draft, category);
    const key = newKey();
    const queue = async () => {
      await enqueue(report, draft.photos, category?.name ?? null, key);
      reset();
      setQueued(true);
      window.scrollTo(0, 0);
    };
    setBusy(true);
    try {
      if (navigator.onLine === false) await queue();
      else {
        const created = await submitReport(report, draft.photos, key);
        reset();
        navigate(`/phan-anh/${encodeURIComponent(created.trackingCode)}?moi=1`);
      }
    } catch (e) {
      if (isNetworkError(e)) await queue().catch(() => setServerError(asApiError(e)));
      else setServerError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const serverField = (f: string) => fieldError(serverError, `body.${f}`, lang) ?? fieldError(serverError, f, lang);
  const err = (f: string) => errors[f] ?? serverField(f);

  return (
    <div class="stack fb-form-page">
      <PageHead title={t('form.title')} lead={t('form.lead')} />
      <OutboxPanel onEdit={() => window.location.reload()} />
      {queued && (
        <div class="alert alert--warning" role="status">
          <p>
            <strong>{t('form.queued')}</strong>
          </p>
          <p>{t('form.queuedMore')}</p>
          <button type="button" class="btn btn--secondary btn--small" onClick={() => setQueued(false)}>
            {t('form.another')}
          </button>
        </div>
      )}
      {!loaded || categories.loading ? (
        <Loading />
      ) : (
        <form class="form fb-form" onSubmit={submit} noValidate>
          {categories.error && <ProblemBox error={categories.error} onRetry={categories.reload} />}
          {restored && (
            <div class="alert alert--info">
              <p>{t('form.restored')}</p>
              <button type="button" class="btn btn--secondary btn--small" onClick={reset}>
                {t('form.discard')}
              </button>
            </div>
          )}
          {unavailable && <p class="alert alert--warning">{t('form.noStorage')}</p>}
          <section class="fb-step" aria-labelledby="fb-step-category">
            <h2 id="fb-step-category">{t('form.stepCategory')}</h2>
            <CategoryPicker categories={list} value={draft.categoryCode} onChange={(categoryCode) => update({ categoryCode })} error={err('category') ?? serverField('categoryCode')} />
          </section>
          <section class="fb-step" aria-labelledby="fb-step-what">
            <h2 id="fb-step-what">{t('form.stepWhat')}</h2>
            <div class="field">
              <label for="fb-description">{t('form.description')}</label>
              <span class="field__hint" id="fb-description-hint">
                {t('form.descriptionHint')}
              </span>
              <textarea
                id="fb-description"
                rows={5}
                maxLength={4000}
                value={draft.description}
                aria-invalid={err('description') ? 'true' : undefined}
                aria-describedby={`fb-description-hint${err('description') ? ' fb-description-error' : ''}`}
                onInput={(e) => update({ description: (e.currentTarget as HTMLTextAreaElement).value })}
              />
              {err('description') && (
                <span class="field__error" id="fb-description-error">
                  {err('description')}
                </span>
              )}
            </div>
            {category && <AttributeFields category={category} values={draft.attributes} errors={errors} onChange={(attributes) => update({ attributes })} />}
            <PhotoPicker id="fb-photos" legend={t('photos.legend', { n: MAX_PHOTOS })} hint={t('photos.hint')} max={MAX_PHOTOS} photos={draft.photos} onChange={(photos) => update({ photos })} />
          </section>
          <section class="fb-step" aria-labelledby="fb-step-where">
            <h2 id="fb-step-where">{t('form.stepWhere')}</h2>
            <PlacePicker draft={draft} update={update} provinceCode={province.code} error={err('place') ?? serverField('lat')} onResolved={(c) => setOutside(c === null)} />
          </section>
          <NearbyHint categoryCode={draft.categoryCode} lat={draft.lat} lng={draft.lng} />
          <section class="fb-step" aria-labelledby="fb-step-contact">
            <h2 id="fb-step-contact">{t('form.stepContact')}</h2>
            <p class="field__hint">{user ? t('contact.signedIn') : t('contact.anonymous')}</p>
            <TextField id="fb-name" label={t('contact.name')} value={draft.contact.name} onValue={(name) => update({ contact: { ...draft.contact, name } })} error={err('name')} autoComplete="name" maxLength={120} />
            <TextField id="fb-phone" label={t('contact.phone')} type="tel" inputMode="tel" value={draft.contact.phone} onValue={(phone) => update({ contact: { ...draft.contact, phone } })} error={err('phone')} autoComplete="tel" />
            <TextField id="fb-email" label={t('contact.email')} type="email" inputMode="email" value={draft.contact.email} onValue={(email) => update({ contact: { ...draft.contact, email } })} error={err('email')} autoComplete="email" />
            <label class="check fb-hide-name">
              <input type="checkbox" checked={draft.hideName} aria-describedby="fb-hide-name-hint" onChange={(e) => update({ hideName: (e.currentTarget as HTMLInputElement).checked })} />
              {t('contact.hideName')}
            </label>
            <p class="field__hint" id="fb-hide-name-hint">
              {t('contact.hideNameHint')}
            </p>
            <p class="field__hint">{t('contact.private')}</p>
          </section>
          <ProblemBox error={serverError} />
          <div class="fb-submit">
            <button class="btn" type="submit" disabled={busy}>
              {busy ? t('form.sending') : t('form.submit')}
            </button>
            <p class="small muted" aria-live="polite">
              {savedAt ? t('form.savedAt', { time: formatDateTime(savedAt) }) : ''}
            </p>
          </div>
        </form>
      )}
    </div>
  );
}
