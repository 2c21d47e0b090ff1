import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi } from './vi.js';
import { en } from './en.js';
import { citizenVi } from './citizen-vi.js';
import { citizenEn } from './citizen-en.js';

const catalog: Catalog<typeof vi & typeof citizenVi> = { vi: { ...vi, ...citizenVi }, en: { ...en, ...citizenEn } };
/** The citizen pages: their own texts plus the shared public-services ones. */
export const useCitizenPsT = () => useCatalog(catalog);
