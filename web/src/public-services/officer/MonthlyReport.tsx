import { useState } from 'preact/hooks';
import { withQuery } from '../../lib/api.js';
import { formatNumber, isoDateInVietnam } from '../../lib/format.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { DESK_PATH, REPORT_PATH } from './api.js';
import { useDossierT } from './i18n/index.js';

const REPORT_API = '/api/v1/public-services/reports/monthly';

/** One line of the report (an agency, or a procedure within it). */
export interface ReportFigures {
  carriedOver: number;
  received: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  pendingWithin: number;
  pendingOver: number;
}
export interface ReportLine extends ReportFigures {
  agency: { id: string; name: string };
  procedure: { code: string; name: string } | null;
}
export interface MonthlyReportView {
  month: string;
  items: ReportLine[];
  total: ReportFigures;
}

const finished = (f: ReportFigures) => f.finishedEarly + f.finishedOnTime + f.finishedLate;
const pending = (f: ReportFigures) => f.pendingWithin + f.pendingOver;

/** "2026-03" → "03/2026" and back. */
const toMonthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
function parseMonthText(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return null;
  return `${m[2]}-${m[1]!.padStart(2, '0')}`;
}

function Cells({ f }: { f: ReportFigures }) {
  const cells = [f.carriedOver, f.received, finished(f), f.finishedEarly, f.finishedOnTime, f.finishedLate, pending(f), f.pendingWithin, f.pendingOver];
  return (
    <>
      {cells.map((v, i) => (
        <td key={i} class="num">
          {formatNumber(v)}
        </td>
      ))}
    </>
  );
}

/**
 * `/can-bo/ho-so/bao-cao`: the standard monthly report (carried over + new = finished early / on
 * time / late + pending within time / overdue), per agency and procedure, with the Excel download.
 */
export function MonthlyReport({ user }: { user: User }) {
  const t = useDossierT();
  useTitle(t('report.title'));
  const fromUrl = useSearchParam('month');
  const month = fromUrl && /^\d{4}-\d{2}$/.test(fromUrl) ? fromUrl : isoDateInVietnam().slice(0, 7);
  const [text, setText] = useState(toMonthText(month));
  const [invalid, setInvalid] = useState(false);
  // Officers and agency admins see their own agency; leaders and system admins the province.
  const query = { month, agencyId: user.role === 'officer' || user.role === 'agency_admin' ? (user.agencyId ?? undefined) : undefined };
  const report = useApi<MonthlyReportView>(REPORT_API, { ...query, format: 'json' });
  const heads = ['report.carried', 'report.new', 'report.finished', 'report.early', 'report.onTime', 'report.late', 'report.pending', 'report.within', 'report.over'] as const;
  const items = report.data?.items ?? [];
  return (
    <div class="stack ps-report">
      <p>
        <Link href={DESK_PATH}>← {t('desk.back')}</Link>
      </p>
      <PageHead
        title={t('report.title')}
        lead={t('report.lead')}
        actions={
          <a class="btn btn--secondary" href={withQuery(REPORT_API, { ...query, format: 'xlsx' })} download>
            {t('report.excel')}
          </a>
        }
      />
      <form
        class="form--inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const m = parseMonthText(text);
          setInvalid(!m);
          if (m) navigate(withQuery(REPORT_PATH, { month: m }), { replace: true });
        }}
      >
        <TextField id="ps-report-month" label={t('report.month')} hint="mm/yyyy" value={text} onValue={setText} inputMode="numeric" placeholder="mm/yyyy" error={invalid ? 'mm/yyyy' : undefined} />
        <button type="submit" class="btn">
          {t('report.show')}
        </button>
      </form>
      <ProblemBox error={report.error} onRetry={report.reload} />
      {report.loading && !report.data && <Loading />}
      {report.data && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('report.caption', { month: toMonthText(month) })}>
          <table>
            <caption>{t('report.caption', { month: toMonthText(month) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.agency')}</th>
                {heads.map((h) => (
                  <th key={h} scope="col" class="num">
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((line) => (
                <tr key={`${line.agency.id}/${line.procedure?.code ?? ''}`} class={line.procedure ? '' : 'ps-report__agency'}>
                  <th scope="row">{line.procedure ? `${line.procedure.code} — ${line.procedure.name}` : line.agency.name}</th>
                  <Cells f={line} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                <Cells f={report.data.total} />
              </tr>
            </tfoot>
          </table>
          {items.length === 0 && <p class="table-empty">{t('report.empty')}</p>}
        </div>
      )}
      <p class="small muted">{t('report.balance')}</p>
    </div>
  );
}
