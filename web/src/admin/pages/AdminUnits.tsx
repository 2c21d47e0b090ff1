import { useState } from 'preact/hooks';
import { useT } from '../../lib/i18n.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { useAdminT } from '../i18n/index.js';
import { ConvertTool } from './ConvertTool.js';

interface UnitSummary {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
}
interface UnitDetail extends UnitSummary {
  typeName: string;
  childCount: number;
  ancestors: UnitSummary[];
}

const BASE = '/quan-tri/don-vi-hanh-chinh';
const hrefOf = (code: string | null) => (code ? `${BASE}?parent=${encodeURIComponent(code)}` : BASE);

export function AdminUnits(_props: { user: User }) {
  const t = useAdminT();
  const tc = useT();
  useTitle(t('units.title'));
  const parent = useSearchParam('parent');
  const q = useSearchParam('q') ?? '';
  const [draft, setDraft] = useState(q);
  const detail = useApi<UnitDetail>(parent ? `/api/v1/admin-units/${encodeURIComponent(parent)}` : null);
  const list = usePaged<UnitSummary>(q ? '/api/v1/admin-units/search' : '/api/v1/admin-units', q ? { q, limit: 50 } : { parent: parent ?? undefined, limit: 100 });
  const trail = detail.data ? [...detail.data.ancestors, detail.data] : [];

  return (
    <div class="stack">
      <PageHead title={t('units.title')} lead={t('units.lead')} />
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(draft.trim() ? `${BASE}?q=${encodeURIComponent(draft.trim())}` : hrefOf(parent));
        }}
      >
        <TextField id="units-q" label={t('units.search')} hint={t('units.searchHint')} type="search" value={draft} onValue={setDraft} />
        <button class="btn" type="submit">
          {tc('action.search')}
        </button>
      </form>
      <nav class="breadcrumbs" aria-label={t('units.breadcrumbs')}>
        <ol>
          <li>
            <Link href={BASE}>{t('units.country')}</Link>
          </li>
          {q ? (
            <li aria-current="page">{t('units.results', { q })}</li>
          ) : (
            trail.map((u, i) => (
              <li key={u.code} aria-current={i === trail.length - 1 ? 'page' : undefined}>
                {i === trail.length - 1 ? u.name : <Link href={hrefOf(u.code)}>{u.name}</Link>}
              </li>
            ))
          )}
        </ol>
      </nav>
      <DataTable<UnitSummary>
        caption={q ? t('units.results', { q }) : detail.data ? t('units.childrenOf', { name: detail.data.name }) : t('units.provinces')}
        rows={list.items}
        rowKey={(u) => u.code}
        loading={list.loading || detail.loading}
        error={list.error ?? detail.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onMore={list.loadMore}
        empty={parent && !q ? t('units.noChildren') : undefined}
        columns={[
          { label: t('units.code'), render: (u) => <code>{u.code}</code> },
          { label: t('units.name'), render: (u) => <Link href={hrefOf(u.code)}>{u.name}</Link> },
          { label: t('units.type'), render: (u) => t(unitTypeKey(u.type)) },
          { label: t('units.parent'), render: (u) => (u.parentCode ? <Link href={hrefOf(u.parentCode)}>{u.parentCode}</Link> : tc('misc.none')) },
        ]}
      />
      <ConvertTool />
    </div>
  );
}

function unitTypeKey(type: string) {
  switch (type) {
    case 'province':
      return 'units.type.province' as const;
    case 'municipality':
      return 'units.type.municipality' as const;
    case 'ward':
      return 'units.type.ward' as const;
    case 'commune':
      return 'units.type.commune' as const;
    case 'special_zone':
      return 'units.type.special_zone' as const;
    default:
      return 'units.type.other' as const;
  }
}
