import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useLang } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, SelectField, TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { DESK_PATH, documentUrl, DOSSIERS, type DossierDetail, type ProcedureDetail, type ProcedureItem } from './api.js';
import { useDossierT } from './i18n/index.js';
import { SchemaFields, toFormData } from './SchemaFields.js';

interface Received {
  componentCode: string;
  kind: string;
  received: boolean;
  digitised: boolean;
}

const APPLICANT_FIELDS = ['name', 'idNumber', 'phone', 'email', 'address'] as const;
const BUSINESS_FIELDS = ['organisation', 'taxCode'] as const;

function ProcedurePicker({ onPick }: { onPick(code: string): void }) {
  const t = useDossierT();
  const [q, setQ] = useState('');
  const found = useApi<Page<ProcedureItem>>(q.trim().length >= 2 ? '/api/v1/procedures' : null, { q: q.trim(), limit: 10 });
  return (
    <div class="stack">
      <TextField id="ps-counter-q" type="search" label={t('counter.search')} hint={t('counter.searchHint')} value={q} onValue={setQ} autoComplete="off" />
      <ProblemBox error={found.error} />
      {found.data && found.data.items.length === 0 && <p class="muted">{t('counter.noResults')}</p>}
      <ul class="plain-list ps-list">
        {(found.data?.items ?? []).map((p) => (
          <li key={p.code} class="ps-pick">
            <span>
              <strong>{p.name}</strong> <span class="small muted">({p.code} · {p.field})</span>
            </span>
            <button type="button" class="btn btn--secondary btn--small" onClick={() => onPick(p.code)} aria-label={`${t('counter.pick')}: ${p.name}`}>
              {t('counter.pick')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Done({ d, onAgain }: { d: DossierDetail; onAgain(): void }) {
  const t = useDossierT();
  const receipt = d.documents?.find((doc) => doc.kind === 'receipt');
  return (
    <section class="card stack ps-done" aria-live="polite">
      <p class="alert alert--success" role="status">
        {t('counter.done', { code: d.code ?? '' })}
      </p>
      <p class="ps-big-code">{d.code}</p>
      <p>{t('counter.due', { date: formatDateTime(d.dueAt) })}</p>
      <div class="row">
        {receipt && (
          <a class="btn" href={documentUrl(d.id, receipt.id)} target="_blank" rel="noopener">
            {t('counter.print')}
          </a>
        )}
        <Link class="btn btn--secondary" href={`${DESK_PATH}/${d.id}`}>
          {t('counter.open')}
        </Link>
        <button type="button" class="btn btn--secondary" onClick={onAgain}>
          {t('counter.another')}
        </button>
      </div>
    </section>
  );
}

/** The officer's agency's commune when it is a commune People's Committee (code UBND-XA-<commune>). */
function useOwnCommune(user: User): string {
  const agency = useApi<{ code: string }>(user.agencyId ? `/api/v1/agencies/${user.agencyId}` : null);
  const m = /^UBND-XA-(\d+)$/.exec(agency.data?.code ?? '');
  return m ? m[1]! : '';
}

/**
 * `/can-bo/ho-so/tiep-nhan`: a paper dossier handed in at the counter or by post is created and
 * received in one step; the answer is the code, the due date and the receipt (Mẫu 01) to print.
 */
export function CounterIntake({ user }: { user: User }) {
  const t = useDossierT();
  const { lang } = useLang();
  useTitle(t('counter.title'));
  const [code, setCode] = useState<string | null>(null);
  const procedure = useApi<ProcedureDetail>(code ? `/api/v1/procedures/${encodeURIComponent(code)}` : null);
  const p = procedure.data;
  const ownCommune = useOwnCommune(user);
  const [channel, setChannel] = useState<'counter' | 'post'>('counter');
  const [kind, setKind] = useState('citizen');
  const [applicant, setApplicant] = useState<Record<string, string>>({});
  const [commune, setCommune] = useState('');
  const [components, setComponents] = useState<Record<string, Received>>({});
  const [form, setForm] = useState<Record<string, string>>({});
  const [exemptions, setExemptions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<DossierDetail | null>(null);
  const err = (f: string) => fieldError(error, `body.${f}`, lang);

  const pick = (c: string) => {
    setCode(c);
    setComponents({});
    setForm({});
    setExemptions([]);
  };
  // Required components start ticked: the officer unticks what the applicant did not bring.
  const row = (c: { code: string; kind: string; required: boolean }): Received => components[c.code] ?? { componentCode: c.code, kind: c.kind, received: c.required, digitised: false };
  const setRow = (c: { code: string; kind: string; required: boolean }, patch: Partial<Received>) => setComponents((all) => ({ ...all, [c.code]: { ...row(c), ...patch } }));

  async function submit(e: Event) {
    e.preventDefault();
    if (!p) return;
    setBusy(true);
    setError(undefined);
    const body = {
      procedureCode: p.code,
      channel,
      applicantKind: kind,
      applicant: Object.fromEntries(Object.entries(applicant).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)),
      formData: toFormData(p.formSchema, form),
      ...(p.level === 'commune' ? { communeCode: (commune || ownCommune).trim() } : {}),
      ...(exemptions.length ? { exemptionCodes: exemptions } : {}),
      components: p.components.map(row).filter((r) => r.received).map(({ componentCode, kind: k, digitised }) => ({ componentCode, kind: k, digitised })),
    };
    try {
      setDone(await api<DossierDetail>(`${DOSSIERS}/counter`, { method: 'POST', body }));
    } catch (x) {
      setError(asApiError(x));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div class="stack">
        <PageHead title={t('counter.title')} />
        <Done
          d={done}
          onAgain={() => {
            setDone(null);
            setCode(null);
            setApplicant({});
          }}
        />
      </div>
    );
  }

  const exemptionList = (p?.fees ?? []).flatMap((f) => f.exemptions);
  return (
    <div class="stack ps-counter">
      <p>
        <Link href={DESK_PATH}>← {t('desk.back')}</Link>
      </p>
      <PageHead title={t('counter.title')} lead={t('counter.lead')} />
      <section class="card stack" aria-labelledby="ps-c1">
        <h2 id="ps-c1">{t('counter.step1')}</h2>
        {p ? (
          <p>
            {t('counter.chosen', { name: p.name })}{' '}
            <button type="button" class="btn btn--ghost btn--small" onClick={() => setCode(null)}>
              {t('counter.change')}
            </button>
          </p>
        ) : (
          <ProcedurePicker onPick={pick} />
        )}
        <ProblemBox error={procedure.error} />
      </section>
      {p && (
        <form class="form stack" onSubmit={(e) => void submit(e)}>
          <section class="card stack" aria-labelledby="ps-c2">
            <h2 id="ps-c2">{t('counter.step2')}</h2>
            <SelectField id="ps-counter-channel" label={t('counter.channel')} value={channel} onValue={(v) => setChannel(v as 'counter' | 'post')} options={(['counter', 'post'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            <SelectField id="ps-counter-kind" label={t('desk.applicantKind')} value={kind} onValue={setKind} options={(['citizen', 'business', 'household_business'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            {[...APPLICANT_FIELDS, ...(kind === 'citizen' ? [] : BUSINESS_FIELDS)].map((f) => (
              <TextField key={f} id={`ps-counter-${f}`} label={t(`desk.${f}`)} value={applicant[f] ?? ''} onValue={(v) => setApplicant((a) => ({ ...a, [f]: v }))} required={f === 'name'} type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'} error={err(`applicant.${f}`)} />
            ))}
            {p.level === 'commune' && <TextField id="ps-counter-commune" label={t('counter.commune')} value={commune || ownCommune} onValue={setCommune} inputMode="numeric" required />}
          </section>
          <section class="card stack" aria-labelledby="ps-c3">
            <h2 id="ps-c3">{t('counter.step3')}</h2>
            <ul class="plain-list ps-list">
              {p.components.map((c) => (
                <li key={c.code} class="ps-component">
                  <label class="check">
                    <input type="checkbox" checked={row(c).received} onChange={(e) => setRow(c, { received: (e.currentTarget as HTMLInputElement).checked })} />
                    <span>
                      {c.name} {c.required && <span class="small muted">{t('counter.requiredMark')}</span>}
                      {/* The declaration the online form stands for is still paper here, or the form this page fills in. */}
                      {c.filledByForm && <span class="small muted"> · {t('counter.filledByForm')}</span>}
                    </span>
                  </label>
                  {row(c).received && (
                    <div class="form--inline">
                      <SelectField id={`ps-kind-${c.code}`} label={t('comp.kind')} value={row(c).kind} onValue={(v) => setRow(c, { kind: v })} options={(['original', 'copy', 'electronic'] as const).map((k) => ({ value: k, label: t(`kindc.${k}`) }))} />
                      <label class="check">
                        <input type="checkbox" checked={row(c).digitised} onChange={(e) => setRow(c, { digitised: (e.currentTarget as HTMLInputElement).checked })} />
                        {t('counter.digitised')}
                      </label>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {exemptionList.length > 0 && (
              <fieldset class="ps-choices">
                <legend>{t('counter.exemptions')}</legend>
                {exemptionList.map((x) => (
                  <label key={x.code} class="check">
                    <input type="checkbox" checked={exemptions.includes(x.code)} onChange={(e) => setExemptions((all) => ((e.currentTarget as HTMLInputElement).checked ? [...all, x.code] : all.filter((c) => c !== x.code)))} />
                    {x.name}
                  </label>
                ))}
              </fieldset>
            )}
          </section>
          <section class="card stack" aria-labelledby="ps-c4">
            <h2 id="ps-c4">{t('counter.step4')}</h2>
            <p class="small muted">{t('counter.formHint')}</p>
            <SchemaFields schema={p.formSchema} values={form} onValue={(name, v) => setForm((f) => ({ ...f, [name]: v }))} idPrefix="ps-form" />
          </section>
          <ProblemBox error={error} />
          <div class="row">
            <button type="submit" class="btn" disabled={busy}>
              {t('counter.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
