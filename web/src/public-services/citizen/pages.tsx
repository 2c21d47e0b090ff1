// The citizen's public-services pages, loaded on demand (see lazy.tsx).
import type { User } from '../../lib/session.js';
import { NotFound } from '../../ui/Guard.js';

export function CitizenPublicServices(_props: { path: string; user: User | null | undefined }) {
  return <NotFound />;
}
