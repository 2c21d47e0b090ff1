import { useState } from 'preact/hooks';
import type { Page } from '../lib/api.js';
import { useLang } from '../lib/i18n.js';
import { useTitle } from '../lib/router.js';
import type { User } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { DataTable } from '../ui/DataTable.js';
import { PageHead } from '../ui/Field.js';
import { canEditDevices, paths, type Rule } from './api.js';
import { useAllDevices, useDeviceTypes } from './data.js';
import { useIotT } from './i18n/index.js';
import { ROMAN } from './labels.js';
import { RuleEditor } from './RuleEditor.js';

/** `/can-bo/quy-tac-canh-bao`: the alarm rules, and the editor for those who may change them. */
export function RulesPage({ user }: { user: User }) {
  const t = useIotT();
  const { lang } = useLang();
  useTitle(t('rules.title'));
  const rules = useApi<Page<Rule> | Rule[]>(paths.rules, { limit: 200 });
  const { types } = useDeviceTypes();
  const { devices } = useAllDevices();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const items = Array.isArray(rules.data) ? rules.data : (rules.data?.items ?? []);
  const editable = canEditDevices(user);
  const target = (r: Rule) => {
    if (r.deviceCode) return t('rules.onDevice', { code: r.deviceCode });
    const ty = types.find((x) => x.code === r.typeCode);
    return t('rules.onType', { type: ty ? (lang === 'en' && ty.nameEn ? ty.nameEn : ty.name) : (r.typeCode ?? '—') });
  };

  return (
    <div class="stack iot">
      <PageHead
        title={t('rules.title')}
        lead={t('rules.lead')}
        actions={
          editable && !editing ? (
            <button type="button" class="btn" onClick={() => setEditing('new')}>
              {t('rules.new')}
            </button>
          ) : null
        }
      />
      {editing && (
        <RuleEditor
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          types={types}
          devices={devices}
          onDone={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
      <DataTable
        caption={t('rules.caption')}
        rows={items}
        rowKey={(r) => r.id}
        loading={rules.loading}
        error={rules.error}
        onRetry={rules.reload}
        empty={t('rules.none')}
        columns={[
          { label: t('rules.name'), render: (r) => r.name[lang] },
          { label: t('rules.target'), render: target },
          { label: t('rules.levels'), render: (r) => r.levels.map((l) => ROMAN[l.level]).join(', ') },
          { label: t('rules.enabled'), render: (r) => (r.enabled ? t('yes') : t('no')) },
          ...(editable
            ? [
                {
                  label: t('rules.actions'),
                  render: (r: Rule) => (
                    <button type="button" class="btn btn--secondary btn--small" onClick={() => setEditing(r)} aria-label={t('rules.edit', { name: r.name[lang] })}>
                      {t('rules.editShort')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
