import { useCatalog, type Catalog } from '../../../lib/i18n.js';
import { vi, type DossierMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<DossierMessages> = { vi, en };
/** `t` for the officer's public-services pages. */
export const useDossierT = () => useCatalog(catalog);
