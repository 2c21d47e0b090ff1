import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi } from './vi.js';
import { en } from './en.js';
import { escalatedVi } from './escalated-vi.js';
import { escalatedEn } from './escalated-en.js';

const catalog: Catalog<typeof vi & typeof escalatedVi> = { vi: { ...vi, ...escalatedVi }, en: { ...en, ...escalatedEn } };
/** The page of escalated reports: its own texts plus the shared feedback ones. */
export const useEscalatedT = () => useCatalog(catalog);
