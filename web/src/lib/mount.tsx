import { render, type ComponentChildren } from 'preact';
import { LangProvider } from './i18n.js';
import { configureRouter } from './router.js';
import '../styles/base.css';
import '../styles/layout.css';

/** Starts an entry: its router scope, the language provider and the root component. */
export function mount(isLocal: (path: string) => boolean, root: () => ComponentChildren): void {
  configureRouter(isLocal);
  const el = document.getElementById('app');
  if (!el) return;
  el.textContent = '';
  render(<LangProvider>{root()}</LangProvider>, el);
}
