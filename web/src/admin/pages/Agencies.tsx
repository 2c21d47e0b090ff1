import { useState } from 'preact/hooks';
import { useBilingual, useT } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { KIND_LABELS, treeRoots, useAgencies, type AgencyNode } from '../agencies.js';
import { useAdminT } from '../i18n/index.js';

function Node({ node, ownId, depth }: { node: AgencyNode; ownId: string | null; depth: number }) {
  const pick = useBilingual();
  const t = useAdminT();
  const label = (
    <span class="tree__item">
      <strong>{node.name}</strong>
      <code class="badge badge--muted">{node.code}</code>
      <span class="muted small">{pick(KIND_LABELS[node.kind])}</span>
      {node.id === ownId && <span class="badge badge--ok">{t('agencies.yours')}</span>}
    </span>
  );
  if (node.children.length === 0) return <li>{label}</li>;
  // Branches are native disclosure widgets: keyboard- and screen-reader-friendly for free.
  return (
    <li>
      <details open={depth === 0 || containsId(node, ownId)}>
        <summary>
          {label} <span class="muted small">({t('agencies.children', { count: node.children.length })})</span>
        </summary>
        <Tree nodes={node.children} ownId={ownId} depth={depth + 1} />
      </details>
    </li>
  );
}

function Tree({ nodes, ownId, depth = 0 }: { nodes: AgencyNode[]; ownId: string | null; depth?: number }) {
  return (
    <ul>
      {nodes.map((n) => (
        <Node key={n.id} node={n} ownId={ownId} depth={depth} />
      ))}
    </ul>
  );
}

function containsId(node: AgencyNode, id: string | null): boolean {
  return id !== null && node.children.some((c) => c.id === id || containsId(c, id));
}

function count(nodes: AgencyNode[]): number {
  return nodes.reduce((n, node) => n + 1 + count(node.children), 0);
}

export function Agencies({ user }: { user: User }) {
  const t = useAdminT();
  const tc = useT();
  const pick = useBilingual();
  useTitle(t('agencies.title'));
  const [view, setView] = useState<'tree' | 'table'>('tree');
  const tree = useApi<{ items: unknown[] }>(view === 'tree' ? '/api/v1/agencies/tree' : null);
  const agencies = useAgencies();
  const roots = treeRoots(tree.data);
  const parentName = (id: string | null | undefined) => (id ? (agencies.byId.get(id)?.name ?? '…') : tc('misc.none'));

  return (
    <div class="stack">
      <PageHead
        title={t('agencies.title')}
        lead={t('agencies.lead')}
        actions={
          <div class="row" role="group" aria-label={t('agencies.view')}>
            <button type="button" class="btn btn--secondary btn--small" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>
              {t('agencies.viewTree')}
            </button>
            <button type="button" class="btn btn--secondary btn--small" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('agencies.viewTable')}
            </button>
          </div>
        }
      />
      {view === 'tree' ? (
        <section class="card" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('agencies.treeTitle', { count: count(roots) })}</h2>
          <ProblemBox error={tree.error} onRetry={tree.reload} />
          {tree.loading && <Loading />}
          {!tree.loading && !tree.error && roots.length === 0 && <p class="muted">{tc('state.empty')}</p>}
          <div class="tree">
            <Tree nodes={roots} ownId={user.agencyId} />
          </div>
        </section>
      ) : (
        <DataTable
          caption={t('agencies.caption')}
          rows={agencies.list}
          rowKey={(a) => a.id}
          loading={agencies.loading}
          error={agencies.error}
          columns={[
            { label: t('agencies.code'), render: (a) => <code>{a.code}</code> },
            { label: t('agencies.name'), render: (a) => <strong>{a.name}</strong> },
            { label: t('agencies.kind'), render: (a) => pick(KIND_LABELS[a.kind]) },
            { label: t('agencies.parent'), render: (a) => parentName(a.parentId) },
            { label: t('agencies.unit'), render: (a) => a.adminUnitCode ?? tc('misc.none') },
          ]}
        />
      )}
    </div>
  );
}
