import { mount } from '../lib/mount.js';
import { usePath } from '../lib/router.js';
import { Shell } from '../ui/Shell.js';
import { NotFound, RequireRole, useSession } from '../ui/Guard.js';
import { useCitizenT } from './i18n/index.js';
import { Home } from './pages/Home.js';
import { SignIn } from './pages/SignIn.js';
import { Register } from './pages/Register.js';
import { ForgotPassword, ResetPassword } from './pages/PasswordReset.js';
import { Profile } from './pages/Profile.js';
import { FeedbackPages, isFeedbackPath } from '../feedback/citizen/lazy.js';
import { FeedbackStats, isStatsPath } from '../feedback/stats/lazy.js';
import { isPublicServicesPath, PublicServicesPages } from '../public-services/citizen/lazy.js';
import { isPsStatsPath, PublicServicesStats } from '../public-services/stats/lazy.js';
import { resumeOutbox } from '../feedback/boot.js';
import './citizen.css';

const PATHS = ['/', '/dang-nhap', '/dang-ky', '/quen-mat-khau', '/dat-lai-mat-khau', '/ca-nhan'];

function App() {
  const t = useCitizenT();
  const path = usePath();
  const session = useSession();
  const user = session.user;
  const nav = [
    { href: '/', label: t('nav.home') },
    { href: '/dich-vu-cong', label: t('nav.publicServices') },
    { href: '/phan-anh', label: t('nav.feedback') },
    { href: '/phan-anh/thong-ke', label: t('nav.feedbackStats') },
  ];
  if (user) nav.push({ href: '/ca-nhan', label: t('nav.profile') });
  else if (user === null) nav.push({ href: '/dang-nhap', label: t('nav.signIn') }, { href: '/dang-ky', label: t('nav.register') });
  return (
    <Shell area="citizen" user={user} nav={nav}>
      {path === '/' && <Home user={user} />}
      {path === '/dang-nhap' && <SignIn user={user} />}
      {path === '/dang-ky' && <Register />}
      {path === '/quen-mat-khau' && <ForgotPassword />}
      {path === '/dat-lai-mat-khau' && <ResetPassword />}
      {path === '/ca-nhan' && <RequireRole session={session} roles="*">{(u) => <Profile user={u} />}</RequireRole>}
      {isFeedbackPath(path) && (isStatsPath(path) ? <FeedbackStats /> : <FeedbackPages path={path} user={user} />)}
      {isPublicServicesPath(path) && (isPsStatsPath(path) ? <PublicServicesStats /> : <PublicServicesPages path={path} user={user} />)}
      {!PATHS.includes(path) && !isFeedbackPath(path) && !isPublicServicesPath(path) && <NotFound />}
    </Shell>
  );
}

mount((path) => PATHS.includes(path) || isFeedbackPath(path) || isPublicServicesPath(path), () => <App />);
// Reports that waited for the network are sent from whichever citizen page opens next.
resumeOutbox();
