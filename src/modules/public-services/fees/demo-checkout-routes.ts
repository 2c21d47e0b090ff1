import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { cancelIntent, checkoutView, payIntent } from './demo-checkout.js';
import { CheckoutResultSchema, CheckoutToken, CheckoutViewSchema } from './schemas.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };
const BASE = '/api/v1/payments/demo-gateway/checkout';
// The token is the only key; it is 256 bits, so the limit is about load, not guessing.
const limited = { access: { public: true as const }, rateLimit: { max: 60, timeWindow: '1 minute' } };
const TokenBody = StrictObject({ token: CheckoutToken });
const DESCRIPTION = 'The demo payment gateway (no money moves), whoever holds the checkout link. 503 when the demo gateway is not the configured one.';

/**
 * The demo gateway's own checkout (trang thanh toán thử nghiệm), for the page
 * `/dich-vu-cong/thanh-toan/demo?token=…`. The token rides in the query (which the request log
 * redacts) or the body, never in the path.
 */
export function registerDemoCheckoutRoutes(app: App, ctx: AppContext): void {
  app.get(
    BASE,
    {
      config: limited,
      schema: {
        tags,
        summary: 'Demo gateway: what a checkout link pays (amount, dossier code, payee), and whether it was paid',
        description: DESCRIPTION,
        querystring: Type.Object({ token: CheckoutToken }),
        response: { 200: CheckoutViewSchema, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM, 503: PROBLEM },
      },
    },
    async (request) => checkoutView(ctx, request.query.token),
  );

  app.post(
    `${BASE}/pay`,
    {
      config: limited,
      schema: {
        tags,
        summary: 'Demo gateway: pay — a signed gateway notice is recorded as from a real gateway; pressing again answers the same payment',
        description: DESCRIPTION,
        body: TokenBody,
        response: { 200: CheckoutResultSchema, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM, 503: PROBLEM },
      },
    },
    async (request) => payIntent(ctx, request.body.token, request.log),
  );

  app.post(
    `${BASE}/cancel`,
    {
      config: limited,
      schema: {
        tags,
        summary: 'Demo gateway: cancel — nothing is paid and the link can no longer pay',
        description: DESCRIPTION,
        body: TokenBody,
        response: { 200: CheckoutResultSchema, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM, 503: PROBLEM },
      },
    },
    async (request) => cancelIntent(ctx, request.body.token),
  );
}
