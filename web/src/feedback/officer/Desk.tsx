import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';
import { FeedbackQueue } from './Queue.js';
import { ReportDesk } from './ReportDesk.js';
import '../feedback.css';

/** `/can-bo/phan-anh` (the agency's queue) and `/can-bo/phan-anh/<report id>`. */
export function OfficerFeedback({ path, user }: { path: string; user: User }) {
  if (path === '/can-bo/phan-anh') return <FeedbackQueue user={user} />;
  const id = path.slice('/can-bo/phan-anh/'.length);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotFound />;
  return <ReportDesk id={id} user={user} />;
}

export const isOfficerFeedbackPath = (path: string) => path === '/can-bo/phan-anh' || path.startsWith('/can-bo/phan-anh/');
