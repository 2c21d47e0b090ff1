import { useMemo, useState } from 'preact/hooks';
import { useBilingual } from '../../lib/i18n.js';
import { useFeedbackT } from '../i18n/index.js';
import { fold } from '../province.js';
import type { Category } from '../types.js';

interface Props {
  categories: Category[];
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
}

/**
 * Categories as radio buttons grouped under their group's name, with a search that ignores
 * diacritics ("o ga" finds "Ổ gà"). Once chosen, the list folds into one line with a change button.
 */
export function CategoryPicker({ categories, value, onChange, error }: Props) {
  const t = useFeedbackT();
  const pick = useBilingual();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(!value);
  const chosen = categories.find((c) => c.code === value);
  const searching = query.trim() !== '';

  const groups = useMemo(() => {
    const q = fold(query.trim());
    const out = new Map<string, { label: string; items: Category[] }>();
    for (const c of categories) {
      const haystack = fold([c.name.vi, c.name.en, c.description.vi, c.description.en, c.group.vi, c.keywords ?? ''].join(' '));
      if (q && !q.split(/\s+/).every((w) => haystack.includes(w))) continue;
      const key = c.group.vi;
      if (!out.has(key)) out.set(key, { label: pick(c.group), items: [] });
      out.get(key)!.items.push(c);
    }
    return [...out.values()];
  }, [categories, query, pick]);

  if (chosen && !open) {
    return (
      <div class="fb-chosen" id="fb-category">
        <div>
          <p class="small muted">{t('cat.chosen')}</p>
          <p class="fb-chosen__name">{pick(chosen.name)}</p>
          <p class="small muted">{pick(chosen.description)}</p>
        </div>
        <button type="button" class="btn btn--secondary btn--small" onClick={() => setOpen(true)}>
          {t('cat.change')}
        </button>
      </div>
    );
  }

  return (
    <div class="stack fb-categories">
      <div class="field">
        <label for="fb-category-search">{t('cat.search')}</label>
        <span class="field__hint" id="fb-category-search-hint">
          {t('cat.searchHint')}
        </span>
        <input id="fb-category-search" type="search" value={query} aria-describedby="fb-category-search-hint" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {chosen && (
        <p class="small">
          {t('cat.chosen')}: <strong>{pick(chosen.name)}</strong>
        </p>
      )}
      {error && (
        <p class="field__error" id="fb-category-error">
          {error}
        </p>
      )}
      <div id="fb-category" tabIndex={-1} class="fb-category-groups">
        {groups.length === 0 && <p class="muted">{t('cat.none')}</p>}
        {groups.map((g) => (
          <details key={g.label} class="fb-group" open={searching || g.items.some((c) => c.code === value)}>
            <summary>
              {g.label} <span class="muted small">({g.items.length})</span>
            </summary>
            <fieldset>
              <legend class="visually-hidden">{g.label}</legend>
              {g.items.map((c) => (
                <label
                  key={c.code}
                  class="fb-option"
                  // A tap or click folds the list; arrow keys and Space (click with detail 0) leave it open.
                  onClick={(e) => {
                    if (e.detail > 0) {
                      setOpen(false);
                      setQuery('');
                    }
                  }}
                >
                  <input
                    type="radio"
                    name="fb-category"
                    value={c.code}
                    checked={c.code === value}
                    aria-describedby={`fb-cat-${c.code}`}
                    onChange={() => onChange(c.code)}
                  />
                  <span>
                    <span class="fb-option__name">{pick(c.name)}</span>
                    <span class="fb-option__hint" id={`fb-cat-${c.code}`}>
                      {pick(c.description)}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          </details>
        ))}
      </div>
    </div>
  );
}
