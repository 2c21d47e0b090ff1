import * as client from 'openid-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/module.js';
import type { OidcConfig } from '../config/config.js';
import { AppError } from '../http/errors.js';
import { toSearchText } from '../search/search-text.js';
import { createSession } from './sessions.js';

const FLOW_COOKIE = 'ts_oidc';
const FLOW_TTL_SECONDS = 600;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

let discovered: { issuer: string; config: Promise<client.Configuration> } | undefined;

/** The provider's configuration, discovered once from its issuer URL (any standard OIDC provider). */
function providerConfig(oidc: OidcConfig): Promise<client.Configuration> {
  if (discovered?.issuer !== oidc.issuer) {
    const options = oidc.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined;
    const config = client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, options);
    config.catch(() => (discovered = undefined));
    discovered = { issuer: oidc.issuer, config };
  }
  return discovered.config;
}

function callbackUrl(ctx: AppContext): string {
  return `${ctx.config.publicUrl}/api/v1/auth/oidc/callback`;
}

/** Only same-site paths, so the sign-in can't be used as an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}

export async function startOidcSignIn(ctx: AppContext, oidc: OidcConfig, reply: FastifyReply, returnTo: string | undefined): Promise<string> {
  const config = await providerConfig(oidc);
  const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo: safeReturnTo(returnTo) };
  reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), {
    path: '/api/v1/auth/oidc',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    signed: true,
    maxAge: FLOW_TTL_SECONDS,
  });
  return client
    .buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(ctx),
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    })
    .toString();
}

const FAILED = () =>
  new AppError(400, 'oidc_failed', {
    vi: 'Đăng nhập qua nhà cung cấp định danh không thành công. Vui lòng thử lại.',
    en: 'Sign-in with the identity provider failed. Please try again.',
  });

/**
 * Completes the code flow (state, nonce and PKCE checked by openid-client), then finds the account
 * by the provider's subject, links an existing account by verified email, or creates a citizen.
 */
export async function finishOidcSignIn(ctx: AppContext, oidc: OidcConfig, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const raw = request.cookies[FLOW_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  if (!unsigned?.valid || !unsigned.value) throw FAILED();
  const flow = JSON.parse(unsigned.value) as Flow;
  reply.clearCookie(FLOW_COOKIE, { path: '/api/v1/auth/oidc' });
  const config = await providerConfig(oidc);
  const currentUrl = new URL(request.url, ctx.config.publicUrl);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
    const idToken = tokens.claims();
    // Many providers put only `sub` in the ID token; the profile comes from the UserInfo endpoint.
    claims = idToken && !idToken.email ? { ...idToken, ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)) } : idToken;
  } catch (error) {
    request.log.warn({ err: { message: (error as Error).message } }, 'oidc code exchange failed');
    throw FAILED();
  }
  if (typeof claims?.sub !== 'string') throw FAILED();
  const subject = `${oidc.issuer}#${claims.sub}`;
  const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.toLowerCase() : `${claims.sub}@oidc.invalid`;
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.normalize('NFC') : email.split('@')[0]!;
  await ctx.db.transaction().execute(async (trx) => {
    let user = await trx.selectFrom('users').select(['id', 'email', 'agency_id', 'status']).where('oidc_subject', '=', subject).executeTakeFirst();
    let action = 'auth.login_oidc';
    if (!user) {
      user = await trx.selectFrom('users').select(['id', 'email', 'agency_id', 'status']).where('email', '=', email).executeTakeFirst();
      if (user) {
        await trx.updateTable('users').set({ oidc_subject: subject, updated_at: new Date() }).where('id', '=', user.id).execute();
        action = 'auth.oidc_linked';
      } else {
        user = await trx
          .insertInto('users')
          .values({ email, full_name: name, phone: null, password_hash: null, role: 'citizen', agency_id: null, oidc_subject: subject, locked_until: null, search_text: toSearchText(name, email) })
          .returning(['id', 'email', 'agency_id', 'status'])
          .executeTakeFirstOrThrow();
        action = 'user.register_oidc';
      }
    }
    if (user.status !== 'active') throw FAILED();
    await ctx.audit.record(trx, { actor: { userId: user.id, label: user.email, agencyId: user.agency_id }, action, targetType: 'user', targetId: user.id, subjectUserId: user.id, ip: request.ip, requestId: request.id });
    await createSession(trx, ctx.config, request, reply, user.id);
  });
  return flow.returnTo;
}
