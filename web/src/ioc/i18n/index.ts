import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type IocMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<IocMessages> = { vi, en };
export const useIocT = () => useCatalog(catalog);
