import { useCitizenPsT } from '../../i18n/citizen.js';
import type { ProcedureDetail } from '../../types.js';
import type { FieldSpec } from '../form/schema.js';
import { idOf } from '../form/SchemaForm.js';
import { IDS, titleAt, type Problems } from './checks.js';

/** Every problem at the top of the form, each a link to its field (focus moves here on submit). */
export function ErrorSummary({ problems, fields, procedure }: { problems: Problems; fields: FieldSpec[]; procedure: ProcedureDetail }) {
  const t = useCitizenPsT();
  const items: Array<{ id: string; text: string }> = [];
  for (const [field, p] of problems.applicant) items.push({ id: IDS.applicant(field), text: `${t(`applicant.label.${field}` as 'applicant.label.name')}: ${t(`applicant.err.${p}`)}` });
  if (problems.commune) items.push({ id: IDS.commune, text: t('file.communeMissing') });
  for (const [path, p] of problems.form) items.push({ id: idOf(IDS.formPrefix, path), text: `${titleAt(fields, path)}: ${t(`form.err.${p.key}`, { limit: p.limit ?? '', field: '' })}` });
  for (const code of problems.components) {
    const c = procedure.components.find((x) => x.code === code);
    items.push({ id: IDS.component(code), text: `${c?.name ?? code}: ${t('file.missing')}` });
  }
  return (
    <div class="alert alert--error ps-summary" role="alert">
      <h2>{t('file.problems', { n: items.length })}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id + i.text}>
            <a
              href={`#${i.id}`}
              onClick={(e) => {
                const el = document.getElementById(i.id);
                if (!el) return;
                e.preventDefault();
                el.scrollIntoView({ block: 'center' });
                el.focus();
              }}
            >
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
