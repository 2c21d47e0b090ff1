import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type PsMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<PsMessages> = { vi, en };
/** The shared public-services texts (statuses, levels, units, kinds). */
export const usePsT = () => useCatalog(catalog);
export type { PsMessages };
