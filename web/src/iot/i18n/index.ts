import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type IotMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<IotMessages> = { vi, en };
export const useIotT = () => useCatalog(catalog);
