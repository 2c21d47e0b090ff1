import type { AppContext } from '../../../platform/http/module.js';

/**
 * The jurisdiction this deployment answers for (OPEN311_JURISDICTION_ID, default the host of
 * PUBLIC_URL): accepted when given, refused when foreign.
 */
export function jurisdictions(ctx: AppContext): string[] {
  const configured = ctx.config.env.OPEN311_JURISDICTION_ID;
  return [configured || new URL(ctx.config.publicUrl).hostname];
}

export function absoluteUrl(ctx: AppContext, path: string): string {
  return `${ctx.config.publicUrl}${path}`;
}
