import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi } from './vi.js';
import { en } from './en.js';
import { deskVi } from './desk-vi.js';
import { deskEn } from './desk-en.js';

const catalog: Catalog<typeof vi & typeof deskVi> = { vi: { ...vi, ...deskVi }, en: { ...en, ...deskEn } };
/** The officer desk: its own texts plus the shared feedback ones. */
export const useDeskT = () => useCatalog(catalog);
