import { useBilingual } from '../../lib/i18n.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { BASE } from '../api.js';
import { useFeedbackT } from '../i18n/index.js';
import { StatusChip } from '../status.js';
import type { NearbyReport } from '../types.js';

/**
 * Before sending: open reports of the same category near the point. Following one of them is
 * better than a second report of the same pothole (the agency sees one case, not five).
 */
export function NearbyHint({ categoryCode, lat, lng }: { categoryCode: string; lat: number | null; lng: number | null }) {
  const t = useFeedbackT();
  const pick = useBilingual();
  const ready = !!categoryCode && lat !== null && lng !== null;
  const nearby = useApi<{ items: NearbyReport[] }>(ready ? `${BASE}/reports/nearby` : null, ready ? { categoryCode, lat, lng } : undefined);
  const items = nearby.data?.items ?? [];
  if (!ready || items.length === 0) return null;
  return (
    <section class="alert alert--info fb-nearby" aria-labelledby="fb-nearby-title">
      <h2 id="fb-nearby-title">{t('nearby.title')}</h2>
      <p>{t('nearby.lead')}</p>
      <ul class="plain-list stack">
        {items.slice(0, 5).map((r) => (
          <li key={r.id} class="fb-nearby__item">
            <p>
              <strong>{r.title ?? (r.categoryName ? pick(r.categoryName) : r.trackingCode)}</strong> <StatusChip report={{ status: r.status, outcome: null }} />
            </p>
            {r.description && <p class="fb-clamp">{r.description}</p>}
            <p class="small muted">
              {t('nearby.where', { m: formatNumber(Math.round(r.distanceMetres)), date: formatDate(r.createdAt) })}
            </p>
            <Link class="btn btn--secondary btn--small" href={`/phan-anh/${encodeURIComponent(r.trackingCode)}`}>
              {t('nearby.follow')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
