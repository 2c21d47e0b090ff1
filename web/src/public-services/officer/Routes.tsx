import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';
import { COUNTER_PATH, DESK_PATH, REPORT_PATH } from './api.js';
import { CounterIntake } from './CounterIntake.js';
import { DossierDesk } from './DossierDesk.js';
import { MonthlyReport } from './MonthlyReport.js';
import { DossierQueue, isReader } from './Queue.js';
import { VersionHistory } from './VersionHistory.js';
import { VERSIONS_PATH } from './catalog-api.js';
import './officer.css';

export const isOfficerDossierPath = (path: string) => path === DESK_PATH || path.startsWith(`${DESK_PATH}/`);

/** `/can-bo/ho-so` (queue), `/can-bo/ho-so/tiep-nhan` (counter intake), `/can-bo/ho-so/bao-cao` (monthly report), `/can-bo/ho-so/<id>` (desk). */
export function OfficerDossiers({ path, user }: { path: string; user: User }) {
  if (path === DESK_PATH) return <DossierQueue user={user} />;
  if (path === COUNTER_PATH) return isReader(user) ? <NotFound /> : <CounterIntake user={user} />;
  if (path === REPORT_PATH) return <MonthlyReport user={user} />;
  if (path === VERSIONS_PATH) return <VersionHistory user={user} />;
  const id = path.slice(DESK_PATH.length + 1);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotFound />;
  return <DossierDesk id={id} user={user} />;
}
