import { Fragment } from 'preact';
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
/** Under "new", "finished" and "pending": their parts (the first of each is the total). */
const SUB_HEADS = ['report.sum', 'report.online', 'report.sum', 'report.early', 'report.onTime', 'report.late', 'report.sum', 'report.within', 'report.over'] as const;
const COLUMNS = SUB_HEADS.length + 1;

/** The figures of one line of the report (a procedure at an agency) or of the totals. */
export interface ReportFigures {
  carriedOver: number;
  new: { total: number; online: number; counter: number; post: number };
  finished: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinTime: number; overdue: number };
}
export interface ReportRow extends ReportFigures {
  agency: { id: string; code: string; name: string };
  procedure: { code: string; name: string };
}
export interface MonthlyReportView {
  month: string;
  label: string;
  rows: ReportRow[];
  totals: ReportFigures;
}

/** "2026-03" → "03/2026" and back. */
const toMonthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
function parseMonthText(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return null;
  return `${m[2]}-${m[1]!.padStart(2, '0')}`;
}

function Cells({ f }: { f: ReportFigures }) {
  const cells = [f.carriedOver, f.new.total, f.new.online, f.finished.total, f.finished.early, f.finished.onTime, f.finished.late, f.pending.total, f.pending.withinTime, f.pending.overdue];
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
export function MonthlyReport(_props: { user: User }) {
  const t = useDossierT();
  useTitle(t('report.title'));
  const fromUrl = useSearchParam('month');
  const month = fromUrl && /^\d{4}-\d{2}$/.test(fromUrl) ? fromUrl : isoDateInVietnam().slice(0, 7);
  const [text, setText] = useState(toMonthText(month));
  const [invalid, setInvalid] = useState(false);
  // The server scopes it: officers and agency admins get their own agency, leaders and system admins the province.
  const query = { month };
  const report = useApi<MonthlyReportView>(REPORT_API, { ...query, format: 'json' });
  const rows = report.data?.rows ?? [];
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
                <th scope="col" rowSpan={2}>
                  {t('report.agency')}
                </th>
                <th scope="col" rowSpan={2} class="num">
                  {t('report.carried')}
                </th>
                <th scope="colgroup" colSpan={2} class="num">
                  {t('report.new')}
                </th>
                <th scope="colgroup" colSpan={4} class="num">
                  {t('report.finished')}
                </th>
                <th scope="colgroup" colSpan={3} class="num">
                  {t('report.pending')}
                </th>
              </tr>
              <tr>
                {SUB_HEADS.map((h, i) => (
                  <th key={i} scope="col" class="num">
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <Fragment key={`${row.agency.id}/${row.procedure.code}`}>
                  {rows[i - 1]?.agency.id !== row.agency.id && (
                    <tr class="ps-report__agency">
                      <th scope="rowgroup" colSpan={COLUMNS + 1}>
                        {row.agency.name}
                      </th>
                    </tr>
                  )}
                  <tr>
                    <th scope="row">
                      {row.procedure.code} — {row.procedure.name}
                    </th>
                    <Cells f={row} />
                  </tr>
                </Fragment>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                <Cells f={report.data.totals} />
              </tr>
            </tfoot>
          </table>
          {rows.length === 0 && <p class="table-empty">{t('report.empty')}</p>}
        </div>
      )}
      <p class="small muted">{t('report.balance')}</p>
    </div>
  );
}
