import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { moderationVi } from './moderation-vi.js';
import { moderationEn } from './moderation-en.js';

type Texts = Record<keyof typeof moderationVi, string>;
const catalog: Catalog<Texts> = { vi: moderationVi, en: moderationEn };
/** The moderation and merge panel's own texts (kept apart from the desk's catalogue). */
export const useModerationT = () => useCatalog(catalog);
