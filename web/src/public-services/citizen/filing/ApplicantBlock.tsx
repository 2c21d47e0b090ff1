import type { User } from '../../../lib/session.js';
import { SelectField, TextField } from '../../../ui/Field.js';
import { useCitizenPsT } from '../../i18n/citizen.js';
import type { ApplicantKind } from '../../types.js';
import { IDS, isOrganisation, type ApplicantProblem } from './checks.js';
import { emptyApplicant, type LocalDraft } from './local-draft.js';

interface Props {
  draft: LocalDraft;
  subjects: ApplicantKind[];
  user: User;
  problems: Map<string, ApplicantProblem> | null;
  update(change: Partial<LocalDraft>): void;
}

type Key = keyof LocalDraft['applicant'];

/** Chủ hồ sơ: who the dossier is for, and whether the signed-in person files on their behalf. */
export function ApplicantBlock({ draft, subjects, user, problems, update }: Props) {
  const t = useCitizenPsT();
  const a = draft.applicant;
  const set = (key: Key, value: string) => update({ applicant: { ...a, [key]: value } });
  const error = (key: Key) => {
    const p = problems?.get(key);
    return p ? t(`applicant.err.${p}`) : undefined;
  };
  const org = isOrganisation(draft.applicantKind);
  const kinds = subjects.length > 0 ? subjects : (['citizen'] as ApplicantKind[]);

  function toggleOnBehalf(onBehalf: boolean) {
    // Filing for someone else: the block is now theirs, so the filer's own details are cleared.
    const own = a.name === user.fullName && a.email === user.email;
    if (onBehalf && own) update({ onBehalf, applicant: emptyApplicant() });
    else if (!onBehalf && !a.name.trim()) update({ onBehalf, applicant: { ...emptyApplicant(), name: user.fullName, email: user.email, phone: user.phone ?? '' } });
    else update({ onBehalf });
  }

  return (
    <section class="ps-step stack" aria-labelledby="ps-applicant-title">
      <h2 id="ps-applicant-title">{t('file.applicant')}</h2>
      <label class="check ps-onbehalf">
        <input type="checkbox" checked={draft.onBehalf} onChange={(e) => toggleOnBehalf(e.currentTarget.checked)} />
        <span>{t('applicant.onBehalf')}</span>
      </label>
      <p class="field__hint">{draft.onBehalf ? t('applicant.onBehalfHint') : t('applicant.selfHint')}</p>
      {kinds.length > 1 && (
        <SelectField
          id={IDS.kind}
          label={t('applicant.kind')}
          value={draft.applicantKind}
          onValue={(v) => update({ applicantKind: v as ApplicantKind })}
          options={kinds.map((k) => ({ value: k, label: t(`subject.${k}`) }))}
        />
      )}
      {org && (
        <>
          <TextField id={IDS.applicant('organisation')} label={t('applicant.organisation')} value={a.organisation} onValue={(v) => set('organisation', v)} error={error('organisation')} required maxLength={250} />
          <TextField
            id={IDS.applicant('taxCode')}
            label={t('applicant.taxCode')}
            value={a.taxCode}
            onValue={(v) => set('taxCode', v)}
            error={error('taxCode')}
            required={draft.applicantKind === 'business'}
            inputMode="numeric"
            maxLength={14}
          />
        </>
      )}
      <TextField
        id={IDS.applicant('name')}
        label={org ? t('applicant.representative') : t('applicant.name')}
        value={a.name}
        onValue={(v) => set('name', v)}
        error={error('name')}
        autoComplete={draft.onBehalf ? 'off' : 'name'}
        required
        maxLength={120}
      />
      {!org && (
        <TextField
          id={IDS.applicant('idNumber')}
          label={t('applicant.idNumber')}
          hint={t('applicant.idNumberHint')}
          value={a.idNumber}
          onValue={(v) => set('idNumber', v)}
          error={error('idNumber')}
          inputMode="numeric"
          required
          maxLength={12}
        />
      )}
      <TextField
        id={IDS.applicant('phone')}
        label={t('applicant.phone')}
        hint={t('applicant.phoneHint')}
        type="tel"
        value={a.phone}
        onValue={(v) => set('phone', v)}
        error={error('phone')}
        autoComplete={draft.onBehalf ? 'off' : 'tel'}
        inputMode="tel"
        required
        maxLength={15}
      />
      <TextField id={IDS.applicant('email')} label={t('applicant.email')} type="email" value={a.email} onValue={(v) => set('email', v)} error={error('email')} autoComplete={draft.onBehalf ? 'off' : 'email'} maxLength={254} />
      <TextField id={IDS.applicant('address')} label={t('applicant.address')} value={a.address} onValue={(v) => set('address', v)} autoComplete={draft.onBehalf ? 'off' : 'street-address'} maxLength={300} />
    </section>
  );
}
