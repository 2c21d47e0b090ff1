// The citizen's public-services pages, loaded on demand (see lazy.tsx).
import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';
import { ROOT } from './api.js';
import { Catalog } from './Catalog.js';
import { DemoCheckout } from './DemoCheckout.js';
import { Dossier } from './Dossier.js';
import { FilingPage } from './filing/FilingPage.js';
import { MyDossiers, SignInFirst } from './MyDossiers.js';
import { Procedure } from './Procedure.js';
import { Track } from './Track.js';
import './public-services.css';

/** `<prefix>/<one segment>` → the segment (decoded), else null. */
function param(path: string, prefix: string): string | null {
  if (!path.startsWith(`${prefix}/`)) return null;
  const rest = path.slice(prefix.length + 1);
  if (!rest || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/**
 * `/dich-vu-cong` (catalog), `/thu-tuc/<code>` (a procedure), `/nop/<code>` (online filing),
 * `/tra-cuu[/<dossier code>]` (public tracking), `/ho-so-cua-toi` and `/ho-so/<id>` (the owner's),
 * `/thanh-toan/demo?token=` (the demo payment gateway's checkout: the token is the key, no sign-in).
 */
export function CitizenPublicServices({ path, user }: { path: string; user: User | null | undefined }) {
  if (path === ROOT) return <Catalog />;
  if (path === `${ROOT}/tra-cuu`) return <Track code={null} />;
  if (path === `${ROOT}/thanh-toan/demo`) return <DemoCheckout />;
  if (path === `${ROOT}/ho-so-cua-toi`) return <SignInFirst user={user}>{(u) => <MyDossiers user={u} />}</SignInFirst>;
  const procedure = param(path, `${ROOT}/thu-tuc`);
  if (procedure) return <Procedure key={procedure} code={procedure} />;
  const filing = param(path, `${ROOT}/nop`);
  if (filing) return <FilingPage key={filing} code={filing} user={user} />;
  const tracked = param(path, `${ROOT}/tra-cuu`);
  if (tracked) return <Track key={tracked} code={tracked} />;
  const dossier = param(path, `${ROOT}/ho-so`);
  if (dossier) return <SignInFirst user={user}>{() => <Dossier key={dossier} id={dossier} />}</SignInFirst>;
  return <NotFound />;
}
