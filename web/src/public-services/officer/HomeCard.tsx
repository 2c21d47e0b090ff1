import { Link } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { COUNTER_PATH, DESK_PATH, DOSSIERS, REPORT_PATH, type QueueCounts } from './api.js';
import { VERSIONS_PATH } from './catalog-api.js';
import { useDossierT } from './i18n/index.js';
import { CountTiles, isReader } from './Queue.js';
import './officer.css';

/** The officer home's public-services card: the server's queue counts and the ways in. */
export function DossierHomeCard({ user }: { user: User }) {
  const t = useDossierT();
  const counts = useApi<QueueCounts>(`${DOSSIERS}/queue/counts`);
  return (
    <section class="card stack ps-home" aria-labelledby="ps-home">
      <h2 id="ps-home">{t('home.title')}</h2>
      <p>{t('home.lead')}</p>
      <CountTiles counts={counts.data} />
      <p class="row">
        <Link href={DESK_PATH}>{t('home.link')}</Link>
        {!isReader(user) && <Link href={COUNTER_PATH}>{t('home.counter')}</Link>}
        <Link href={REPORT_PATH}>{t('home.report')}</Link>
        <Link href={VERSIONS_PATH}>{t('history.link')}</Link>
      </p>
    </section>
  );
}
