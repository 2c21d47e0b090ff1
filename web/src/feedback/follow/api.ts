import { api, withQuery } from '../../lib/api.js';
import { BASE } from '../api.js';

export type Scope = 'report' | 'category' | 'commune';

export interface SubscriptionView {
  scope: Scope;
  label: { vi: string; en: string };
  trackingCode: string | null;
  categoryCode: string | null;
  communeCode: string | null;
}

export type SubscribeInput = { email: string } & ({ scope: 'report'; reportId: string } | { scope: 'category'; categoryCode: string } | { scope: 'commune'; communeCode: string });

export const subscribe = (input: SubscribeInput) => api<{ status: 'pending' }>(`${BASE}/subscriptions`, { method: 'POST', body: input });
export const confirmSubscription = (token: string) => api<SubscriptionView>(`${BASE}/subscriptions/confirm`, { method: 'POST', body: { token } });
export const unsubscribe = (token: string) => api<{ removed: boolean; subscription: SubscriptionView | null }>(`${BASE}/subscriptions/unsubscribe`, { method: 'POST', body: { token } });

export const followUrl = (reportId: string) => `${BASE}/reports/${reportId}/follow`;
export const setFollowing = (reportId: string, on: boolean) => api<{ following: boolean }>(followUrl(reportId), { method: on ? 'POST' : 'DELETE' });

/** The feeds' addresses for the list's current filters (the same codes the API filters take). */
export function feedUrls(filter: { communeCode: string; categoryCode: string }): { atom: string; rss: string } {
  const query = { commune: filter.communeCode, category: filter.categoryCode };
  return { atom: withQuery(`${BASE}/feeds/reports.atom`, query), rss: withQuery(`${BASE}/feeds/reports.rss`, query) };
}
