import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';
import { ESCALATED_PATH, EscalatedReports } from './Escalated.js';
import { FeedbackQueue } from './Queue.js';
import { ReportDesk } from './ReportDesk.js';
import { TemplatesPage } from './Templates.js';
import '../feedback.css';

export const TEMPLATES_PATH = '/can-bo/phan-anh/mau-tra-loi';

/** `/can-bo/phan-anh` (the agency's queue), `/can-bo/phan-anh/<report id>`, the agency's response templates and the overdue reports escalated to it. */
export function OfficerFeedback({ path, user }: { path: string; user: User }) {
  if (path === '/can-bo/phan-anh') return <FeedbackQueue user={user} />;
  if (path === ESCALATED_PATH) return <EscalatedReports user={user} />;
  if (path === TEMPLATES_PATH) return user.role === 'agency_admin' || user.role === 'system_admin' ? <TemplatesPage user={user} /> : <NotFound />;
  const id = path.slice('/can-bo/phan-anh/'.length);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotFound />;
  return <ReportDesk id={id} user={user} />;
}

export const isOfficerFeedbackPath = (path: string) => path === '/can-bo/phan-anh' || path.startsWith('/can-bo/phan-anh/');
