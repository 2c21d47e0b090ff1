import { useEffect, useState } from 'preact/hooks';
import { withQuery } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { PageHead, SelectField, TextField } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { DESK_PATH } from './api.js';
import { diffPath, procedurePath, VERSIONS_PATH, type ItemChanges, type PartChange, type ProcedureHead, type VersionDiff } from './catalog-api.js';
import { useDossierT } from './i18n/index.js';

/** A part's value in a line of text: lists and objects as compact JSON, empty as a dash. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function Items({ items }: { items: ItemChanges }) {
  const t = useDossierT();
  return (
    <ul class="plain-list stack">
      {items.added.map((i) => (
        <li key={`+${i.key}`}>
          <strong>{t('history.added')}:</strong> {i.key}
        </li>
      ))}
      {items.removed.map((i) => (
        <li key={`-${i.key}`}>
          <strong>{t('history.removed')}:</strong> <del>{i.key}</del>
        </li>
      ))}
      {items.changed.map((i) => (
        <li key={`~${i.key}`}>
          <strong>{t('history.changed')}:</strong> {i.key}
          <div class="small muted">
            {show(i.before)} → {show(i.after)}
          </div>
        </li>
      ))}
      {items.reordered && <li>{t('history.reordered')}</li>}
    </ul>
  );
}

function Change({ change }: { change: PartChange }) {
  const bi = useBilingual();
  const t = useDossierT();
  return (
    <tr>
      <th scope="row">{bi(change.label)}</th>
      <td>
        {change.items ? (
          <Items items={change.items} />
        ) : (
          <>
            <div>
              <span class="muted">{t('history.before')}:</span> {show(change.before)}
            </div>
            <div>
              <span class="muted">{t('history.after')}:</span> {show(change.after)}
            </div>
          </>
        )}
      </td>
    </tr>
  );
}

function Diff({ code, from, to }: { code: string; from: number; to: number }) {
  const t = useDossierT();
  const diff = useApi<VersionDiff>(diffPath(code), { from, to });
  return (
    <section class="stack" aria-labelledby="ps-history-diff">
      <h2 id="ps-history-diff">{t('history.diffTitle', { from, to })}</h2>
      <ProblemBox error={diff.error} onRetry={diff.reload} />
      {diff.loading && !diff.data && <Loading />}
      {diff.data &&
        (diff.data.changes.length === 0 ? (
          <p>{t('history.same')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ps-history-diff">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('history.part')}</th>
                  <th scope="col">{t('history.change')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.changes.map((c) => (
                  <Change key={c.part} change={c} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function Versions({ procedure }: { procedure: ProcedureHead }) {
  const t = useDossierT();
  const versions = procedure.versions;
  const newest = versions[versions.length - 1]?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, newest - 1)));
  const [to, setTo] = useState(String(newest));
  useEffect(() => {
    setFrom(String(Math.max(1, newest - 1)));
    setTo(String(newest));
  }, [procedure.code, newest]);
  const options = versions.map((v) => ({ value: String(v.version), label: `${t('history.version')} ${v.version} (${t(`history.state.${v.state}`)})` }));
  return (
    <>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('history.caption', { code: procedure.code })}>
        <table>
          <caption>{t('history.caption', { code: procedure.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('history.stateHead')}</th>
              <th scope="col">{t('history.from')}</th>
              <th scope="col">{t('history.to')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{t(`history.state.${v.state}`)}</td>
                <td>{v.effectiveFrom ? formatDate(v.effectiveFrom) : '—'}</td>
                <td>{v.effectiveTo ? formatDate(v.effectiveTo) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 ? (
        <>
          <div class="form--inline">
            <SelectField id="ps-history-from" label={t('history.compareFrom')} value={from} onValue={setFrom} options={options} />
            <SelectField id="ps-history-to" label={t('history.compareTo')} value={to} onValue={setTo} options={options} />
          </div>
          <Diff code={procedure.code} from={Number(from)} to={Number(to)} />
        </>
      ) : (
        <p>{t('history.single')}</p>
      )}
    </>
  );
}

/**
 * `/can-bo/ho-so/phien-ban?code=`: the versions of a procedure (dates dd/mm/yyyy) and what changed
 * between two of them, read-only. Drafts are listed for their catalog managers only (the server decides).
 */
export function VersionHistory(_props: { user: User }) {
  const t = useDossierT();
  useTitle(t('history.title'));
  const code = useSearchParam('code')?.trim().toUpperCase() ?? '';
  const [text, setText] = useState(code);
  const procedure = useApi<ProcedureHead>(code ? procedurePath(code) : null);
  return (
    <div class="stack ps-history">
      <p>
        <Link href={DESK_PATH}>← {t('desk.back')}</Link>
      </p>
      <PageHead title={t('history.title')} lead={t('history.lead')} />
      <form
        class="form--inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) navigate(withQuery(VERSIONS_PATH, { code: text.trim().toUpperCase() }), { replace: true });
        }}
      >
        <TextField id="ps-history-code" label={t('history.code')} hint={t('history.codeHint')} value={text} onValue={setText} />
        <button type="submit" class="btn">
          {t('history.show')}
        </button>
      </form>
      <ProblemBox error={procedure.error} onRetry={procedure.reload} />
      {procedure.loading && !procedure.data && <Loading />}
      {procedure.data && (
        <>
          <h2>
            {procedure.data.code} — {procedure.data.name}
          </h2>
          <Versions procedure={procedure.data} />
        </>
      )}
    </div>
  );
}
