import { useCatalog, type Catalog } from '../../lib/i18n.js';
import { vi, type FeedbackMessages } from './vi.js';
import { en } from './en.js';

const catalog: Catalog<FeedbackMessages> = { vi, en };
/** Citizen pages and the parts shared with the officer desk. */
export const useFeedbackT = () => useCatalog(catalog);
