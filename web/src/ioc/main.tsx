import { mount } from '../lib/mount.js';
import { usePath } from '../lib/router.js';
import { IOC_ROLES } from '../lib/session.js';
import { NotFound, RequireRole, useSession } from '../ui/Guard.js';
import { Shell } from '../ui/Shell.js';
import { Overview } from './Overview.js';
import './ioc.css';

function App() {
  const path = usePath();
  const session = useSession();
  return (
    <Shell area="ioc" user={session.user}>
      <RequireRole session={session} roles={IOC_ROLES}>
        {() => (path === '/ioc' ? <Overview /> : <NotFound />)}
      </RequireRole>
    </Shell>
  );
}

document.documentElement.classList.add('theme-ioc');
mount((path) => path === '/ioc' || path.startsWith('/ioc/'), () => <App />);
