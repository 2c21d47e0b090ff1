import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { vi } from '../i18n/vi.js';
import { en } from '../i18n/en.js';

export type Lang = 'vi' | 'en';
export type Messages = Record<string, string>;
/** A catalog in both languages; `en` has the same keys as `vi` (declare it as `const en: typeof vi`). */
export interface Catalog<M extends Messages> {
  vi: M;
  en: M;
}
export type Params = Record<string, string | number>;
export type Translate<M extends Messages> = (key: keyof M & string, params?: Params) => string;

const STORAGE_KEY = 'tinhso.lang';
export const common: Catalog<typeof vi> = { vi, en };

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}
const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => {} });

export function LangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    setLangState(next);
  }, []);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** `t` for one catalog in the current language. */
export function useCatalog<M extends Messages>(catalog: Catalog<M>): Translate<M> {
  const { lang } = useLang();
  return useCallback((key, params) => fill(catalog[lang][key] ?? String(key), params), [catalog, lang]);
}

/** `t` for the shared shell texts. */
export function useT(): Translate<typeof vi> {
  return useCatalog(common);
}

/** Picks the text of the current language from a `{vi, en}` pair (server messages, role labels). */
export function useBilingual(): (pair: { vi: string; en: string } | undefined | null) => string {
  const { lang } = useLang();
  return useCallback((pair) => (pair ? pair[lang] : ''), [lang]);
}
