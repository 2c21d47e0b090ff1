import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, SelectField, TextField } from '../../ui/Field.js';
import { fieldError, Loading, ProblemBox } from '../../ui/Problem.js';
import { BASE } from '../api.js';
import { useDeskT } from '../i18n/desk.js';
import type { ResponseTemplate, TemplateAction } from './desk-api.js';

const ACTIONS: TemplateAction[] = ['resolve', 'refuse', 'close', 'transfer', 'note'];
const PLACEHOLDERS = '{trackingCode} {categoryName} {communeName} {agencyName} {address}';

function NewTemplate({ onDone }: { onDone(): void }) {
  const t = useDeskT();
  const { lang } = useLang();
  const [action, setAction] = useState<TemplateAction>('resolve');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(`${BASE}/templates`, { method: 'POST', body: { action, title: title.trim(), body: body.trim() } });
      setTitle('');
      setBody('');
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form stack" onSubmit={submit} aria-labelledby="fb-tpl-new">
      <h2 id="fb-tpl-new">{t('templates.new')}</h2>
      <ProblemBox error={error} />
      <SelectField id="fb-tpl-action" label={t('templates.action')} value={action} onValue={(v) => setAction(v as TemplateAction)} options={ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))} />
      <TextField id="fb-tpl-title" label={t('templates.titleField')} value={title} onValue={setTitle} required minLength={3} maxLength={120} error={fieldError(error, 'body.title', lang)} />
      <div class="field">
        <label for="fb-tpl-body">{t('templates.body')}</label>
        <span class="field__hint">{t('templates.bodyHint', { list: PLACEHOLDERS })}</span>
        <textarea id="fb-tpl-body" rows={4} required minLength={3} maxLength={4000} value={body} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
        {fieldError(error, 'body.body', lang) && <span class="field__error">{fieldError(error, 'body.body', lang)}</span>}
      </div>
      <div class="row">
        <button class="btn" type="submit" disabled={busy}>
          {t('templates.add')}
        </button>
      </div>
    </form>
  );
}

/** An agency admin's response templates (mẫu trả lời): the agency's own can be switched off or deleted. */
export function TemplatesPage({ user }: { user: User }) {
  const t = useDeskT();
  useTitle(t('templates.title'));
  const list = useApi<{ items: ResponseTemplate[] }>(`${BASE}/templates`, { includeInactive: true });
  const [error, setError] = useState<ApiError | undefined>();
  const mayEdit = (x: ResponseTemplate) => user.role === 'system_admin' || (x.agencyId !== null && x.agencyId === user.agencyId);

  async function change(call: () => Promise<unknown>) {
    setError(undefined);
    try {
      await call();
      list.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <div class="stack">
      <p>
        <Link href="/can-bo/phan-anh">← {t('desk.back')}</Link>
      </p>
      <PageHead title={t('templates.title')} lead={t('templates.lead')} />
      <NewTemplate onDone={list.reload} />
      <ProblemBox error={error ?? list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      <ul class="plain-list stack">
        {(list.data?.items ?? []).map((x) => (
          <li key={x.id} class="card stack fb-template">
            <p>
              <strong>{x.title}</strong> <span class="badge badge--muted">{t(`action.${x.action}`)}</span> {x.agencyId === null && <span class="badge">{t('templates.province')}</span>}{' '}
              {!x.active && <span class="badge badge--warn">{t('templates.off')}</span>}
            </p>
            <p class="fb-text">{x.body}</p>
            {mayEdit(x) && (
              <div class="row">
                <button type="button" class="btn btn--secondary btn--small" onClick={() => void change(() => api(`${BASE}/templates/${x.id}`, { method: 'PATCH', body: { active: !x.active } }))}>
                  {x.active ? t('templates.switchOff') : t('templates.switchOn')}
                </button>
                <button type="button" class="btn btn--danger btn--small" onClick={() => void change(() => api(`${BASE}/templates/${x.id}`, { method: 'DELETE' }))}>
                  {t('templates.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
