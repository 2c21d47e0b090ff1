import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useBilingual, useLang, useT } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';
import { OverrideForm } from './OverrideForm.js';

type Bilingual = { vi: string; en: string };
interface DaysOff {
  year: number;
  items: Array<{ date: string; name: Bilingual; kind: 'holiday' | 'compensation' | 'overlay' }>;
  calendarVersion: number;
  computedOnly: boolean;
  extraWorkingDays: Array<{ date: string; name: Bilingual }>;
}
export interface Override {
  id: string;
  date: string;
  kind: 'day_off' | 'working_day' | 'national_day_second';
  name: Bilingual;
  source: string;
  createdAt: string;
}

const thisYear = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));

export function Calendar() {
  const t = useAdminT();
  const tc = useT();
  const pick = useBilingual();
  useTitle(t('calendar.title'));
  const [year, setYear] = useState(String(thisYear));
  const daysOff = useApi<DaysOff>('/api/v1/calendar/days-off', { year });
  const overrides = useApi<{ calendarVersion: number; items: Override[] }>('/api/v1/calendar/overrides', { year });
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const { lang } = useLang();
  const weekdayFmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'Asia/Ho_Chi_Minh' });
  const weekday = (iso: string) => weekdayFmt.format(new Date(`${iso}T12:00:00+07:00`));
  const reloadAll = () => {
    daysOff.reload();
    overrides.reload();
  };

  async function remove(o: Override) {
    if (!window.confirm(t('calendar.deleteConfirm', { date: formatDate(o.date) }))) return;
    setActionError(undefined);
    try {
      await api(`/api/v1/calendar/overrides/${o.id}`, { method: 'DELETE' });
      reloadAll();
    } catch (e) {
      setActionError(asApiError(e));
    }
  }

  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: String(y), label: String(y) }));
  const kindBadge = { holiday: 'badge--ok', compensation: 'badge--warn', overlay: '' } as const;
  return (
    <div class="stack">
      <PageHead title={t('calendar.title')} lead={t('calendar.lead')} actions={<SelectField id="cal-year" label={t('calendar.year')} value={year} onValue={setYear} options={years} />} />
      {daysOff.data?.computedOnly && (
        <div class="alert alert--warning">
          <p>{t('calendar.computedOnly', { year })}</p>
        </div>
      )}
      <DataTable
        caption={t('calendar.daysOffCaption', { year, version: daysOff.data?.calendarVersion ?? '…' })}
        rows={daysOff.data?.items ?? []}
        rowKey={(d) => `${d.date}-${d.kind}`}
        loading={daysOff.loading}
        error={daysOff.error}
        onRetry={daysOff.reload}
        columns={[
          { label: t('calendar.date'), render: (d) => <strong class="nowrap">{formatDate(d.date)}</strong> },
          { label: t('calendar.weekday'), render: (d) => weekday(d.date) },
          { label: t('calendar.name'), render: (d) => pick(d.name) },
          { label: t('calendar.kind'), render: (d) => <span class={`badge ${kindBadge[d.kind]}`}>{t(`calendar.kind.${d.kind}`)}</span> },
        ]}
      />
      {daysOff.data && daysOff.data.extraWorkingDays.length > 0 && (
        <section class="card">
          <h2>{t('calendar.extraWorking')}</h2>
          <ul>
            {daysOff.data.extraWorkingDays.map((d) => (
              <li key={d.date}>
                <strong>{formatDate(d.date)}</strong> — {pick(d.name)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="stack" aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t('calendar.overrides')}</h2>
        <p class="muted">{t('calendar.overridesLead')}</p>
        <OverrideForm onCreated={reloadAll} />
        <ProblemBox error={actionError} />
        <DataTable<Override>
          caption={t('calendar.overridesCaption', { year })}
          rows={overrides.data?.items ?? []}
          rowKey={(o) => o.id}
          loading={overrides.loading}
          error={overrides.error}
          onRetry={overrides.reload}
          columns={[
            { label: t('calendar.date'), render: (o) => <strong class="nowrap">{formatDate(o.date)}</strong> },
            { label: t('calendar.kind'), render: (o) => t(`calendar.override.${o.kind}`) },
            { label: t('calendar.name'), render: (o) => pick(o.name) },
            { label: t('calendar.source'), render: (o) => o.source },
            {
              label: t('calendar.actions'),
              render: (o) => (
                <button type="button" class="btn btn--secondary btn--small" onClick={() => void remove(o)} aria-label={t('calendar.deleteNamed', { date: formatDate(o.date) })}>
                  {tc('action.delete')}
                </button>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
