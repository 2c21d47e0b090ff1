import type { OfficerMessages } from './vi.js';

/** Texts of the officer console (English). */
export const en: OfficerMessages = {
  'nav.queue': 'Work queue',
  'nav.feedback': 'Reports',
  'nav.dossiers': 'Dossiers',
  'nav.devices': 'IoT devices',
  'nav.alarms': 'Alarms',
  'nav.account': 'My account',
  'queue.title': 'My work queue',
  'queue.lead': 'Hello {name}. This is where you handle the reports and dossiers assigned to you, on time.',
  'queue.agency': 'Agency: {agency}',
  'queue.noAgency': 'This account is not attached to an agency.',
  'queue.empty': 'Your queue is empty.',
  'queue.modulesLater': 'One-stop dossiers come later; new work will appear here, sorted by deadline.',
  'queue.feedbackTitle': 'Citizen field reports',
  'queue.feedbackLead': 'Citizens’ reports waiting for the agency to accept and handle them, most urgent first.',
  'queue.feedbackLink': 'Open the reports to handle',
  'queue.escalatedLink': 'Overdue reports raised to our agency',
  'queue.stats': 'Summary',
  'queue.dueToday': 'Due today',
  'queue.overdue': 'Overdue',
  'queue.open': 'Open',
  'queue.today': 'Today is {date}.',
  'soon.title': '{name} — coming soon',
  'soon.body': 'This module is being built. When it is ready, its work will appear in the work queue.',
};
