import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type CitizenMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<CitizenMessages> = { vi, en };
export const useCitizenT = () => useCatalog(catalog);
