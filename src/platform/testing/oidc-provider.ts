import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real, standards-compliant OpenID Connect provider (panva's oidc-provider) on loopback, standing
 * in for a national VNeID-style login. The person "signs in" at once: login, then consent.
 */
export async function startTestOidcProvider(publicUrl: string, account: TestAccount): Promise<TestOidcProvider> {
  const client = { client_id: 'tinhso', client_secret: 'a-long-test-client-secret-0123456789' };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...client, redirect_uris: [`${publicUrl}/api/v1/auth/oidc/callback`], token_endpoint_auth_method: 'client_secret_post' }],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: client.client_id });
    grant.addOIDCScope('openid email profile');
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  });
  return {
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment that points the platform at a test provider. */
export function oidcEnv(provider: TestOidcProvider): Record<string, string> {
  return { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_ALLOW_INSECURE: 'true' };
}
