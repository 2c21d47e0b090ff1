// The citizen's feedback pages, loaded on demand (see lazy.tsx) so the portal's home stays light.
import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';
import { ReportForm } from './ReportForm.js';
import { ReportList } from './ReportList.js';
import { TrackReport } from './TrackReport.js';
import { CONFIRM_PAGE, ConfirmSubscription, UNSUBSCRIBE_PAGE, Unsubscribe } from './SubscriptionPages.js';
import '../feedback.css';

/** `/phan-anh`, `/phan-anh/gui`, `/phan-anh/theo-doi/{xac-nhan,huy}` (mail links), `/phan-anh/<tracking code>`. */
export function CitizenFeedback({ path, user }: { path: string; user: User | null | undefined }) {
  if (path === '/phan-anh') return <ReportList />;
  if (path === '/phan-anh/gui') return <ReportForm user={user} />;
  if (path === CONFIRM_PAGE) return <ConfirmSubscription />;
  if (path === UNSUBSCRIBE_PAGE) return <Unsubscribe />;
  const code = decodeURIComponent(path.slice('/phan-anh/'.length));
  if (!code || code.includes('/')) return <NotFound />;
  return <TrackReport code={code} user={user} />;
}
