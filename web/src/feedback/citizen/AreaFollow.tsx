import { useEffect, useState } from 'preact/hooks';
import { feedUrls, type SubscribeInput } from '../follow/api.js';
import { useFollowT } from '../follow/i18n.js';
import { SubscribeForm } from './FollowReport.js';

interface Filter {
  categoryCode: string;
  communeCode: string;
  categoryName: string;
  communeName: string;
}

/** Feeds for the list's filters, announced in the page head too, so browsers and readers find them. */
function useFeedLinks(urls: { atom: string; rss: string }, title: string): void {
  useEffect(() => {
    const links = [
      { type: 'application/atom+xml', href: urls.atom },
      { type: 'application/rss+xml', href: urls.rss },
    ].map(({ type, href }) => {
      const link = document.createElement('link');
      link.rel = 'alternate';
      link.type = type;
      link.href = href;
      link.title = title;
      document.head.appendChild(link);
      return link;
    });
    return () => links.forEach((l) => l.remove());
  }, [urls.atom, urls.rss, title]);
}

/** Under the list: e-mail updates for the chosen commune or category, and the feeds of what is shown. */
export function AreaFollow(filter: Filter) {
  const t = useFollowT();
  const urls = feedUrls(filter);
  useFeedLinks(urls, [t('feeds.title'), filter.communeName, filter.categoryName].filter(Boolean).join(' — '));
  const choices: Array<{ scope: 'commune' | 'category'; label: string }> = [];
  if (filter.communeCode) choices.push({ scope: 'commune', label: t('area.commune', { name: filter.communeName }) });
  if (filter.categoryCode) choices.push({ scope: 'category', label: t('area.category', { name: filter.categoryName }) });
  const [picked, setPicked] = useState<'commune' | 'category'>('commune');
  const scope = choices.find((c) => c.scope === picked)?.scope ?? choices[0]?.scope;
  const input = (email: string): SubscribeInput => (scope === 'category' ? { email, scope, categoryCode: filter.categoryCode } : { email, scope: 'commune', communeCode: filter.communeCode });

  return (
    <div class="fb-filters">
      <section class="card card--flat stack" aria-labelledby="fb-area-follow">
        <h2 id="fb-area-follow">{t('area.title')}</h2>
        {choices.length === 0 && <p class="muted">{t('area.pick')}</p>}
        {choices.length > 1 && (
          <fieldset>
            <legend>{t('area.scope')}</legend>
            {choices.map((c) => (
              <label key={c.scope} class="row">
                <input type="radio" name="fb-area-scope" value={c.scope} checked={scope === c.scope} onChange={() => setPicked(c.scope)} /> {c.label}
              </label>
            ))}
          </fieldset>
        )}
        {choices.length === 1 && <p>{choices[0]!.label}</p>}
        {choices.length > 0 && <SubscribeForm key={scope} input={input} lead={t('area.lead')} submit={t('area.submit')} idPrefix="fb-area" />}
      </section>
      <section class="card card--flat stack" aria-labelledby="fb-feeds">
        <h2 id="fb-feeds">{t('feeds.title')}</h2>
        <p class="muted">{t('feeds.lead')}</p>
        <ul class="plain-list">
          <li>
            <a href={urls.atom} type="application/atom+xml">
              {t('feeds.atom')}
            </a>
          </li>
          <li>
            <a href={urls.rss} type="application/rss+xml">
              {t('feeds.rss')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
