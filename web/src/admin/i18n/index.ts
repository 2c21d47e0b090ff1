import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type AdminMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<AdminMessages> = { vi, en };
export const useAdminT = () => useCatalog(catalog);
export type AdminKey = keyof AdminMessages & string;
