import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from '../ui/Problem.js';
import { useT } from './i18n.js';

/**
 * A page whose code (and styles) is fetched the first time it is opened, so the entry that carries
 * it stays light on a phone. `load` must be the caller's own `() => import('./x.js')`: that is what
 * makes Vite split the chunk. The module is kept once loaded; a failed fetch offers a reload (a new
 * release may have renamed the chunk).
 */
export function lazyPage<M, P extends object = Record<string, never>>(
  load: () => Promise<M>,
  render: (module: M, props: P) => ComponentChild,
) {
  let loaded: M | null = null;
  return function LazyPage(props: P) {
    const [module, setModule] = useState<M | null>(loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (module) return;
      load().then(
        (m) => {
          loaded = m;
          setModule(m);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) return <LoadFailed />;
    return module ? render(module, props) : <Loading />;
  };
}

function LoadFailed() {
  const t = useT();
  return (
    <div class="alert alert--error" role="alert">
      <p>{t('error.network')}</p>
      <button type="button" class="btn btn--secondary btn--small" onClick={() => window.location.reload()}>
        {t('state.retry')}
      </button>
    </div>
  );
}
