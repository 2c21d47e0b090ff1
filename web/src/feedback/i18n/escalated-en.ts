import type { escalatedVi } from './escalated-vi.js';

/** Texts of the page of overdue reports escalated to the signed-in person's agency (English). */
export const escalatedEn: typeof escalatedVi = {
  'esc.title': 'Overdue reports raised to us',
  'esc.link': 'Overdue reports raised to us',
  'esc.lead': 'Reports that subordinate agencies let run overdue, raised to {agency}; the most overdue first.',
  'esc.leadAny': 'Reports agencies let run overdue, raised to the supervising agency; the most overdue first.',
  'esc.noAgency': 'This account is not attached to an agency, so nothing is raised to it.',
  'esc.agency': 'Supervising agency',
  'esc.allAgencies': 'All agencies',
  'esc.caption': 'Overdue reports raised to us, the most overdue first',
  'esc.empty': 'No overdue report has been raised.',
  'esc.code': 'Code',
  'esc.category': 'Category',
  'esc.status': 'Status',
  'esc.commune': 'Commune',
  'esc.handler': 'Handling agency',
  'esc.escalatedTo': 'Raised to',
  'esc.deadline': 'Missed deadline',
  'esc.kind.accept': 'to accept',
  'esc.kind.resolve': 'to resolve',
  'esc.late': '{days} days late',
  'esc.lateOne': '1 day late',
  'esc.lateToday': 'less than a day late',
  'esc.escalatedAt': 'Raised on',
  'esc.backToQueue': 'Back to the reports',
};
