import type { AppModule } from '../http/module.js';
import { identityMigrations } from './migrations.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerUserRoutes } from './user-routes.js';
import { registerApiKeyRoutes } from './api-key-routes.js';
import { registerOidcRoutes } from './oidc-routes.js';
import { seedDemoAccounts } from './seed-demo.js';

/** Users, sessions, API keys, sign-in (password and OpenID Connect). */
export const identityArea: AppModule = {
  name: 'identity',
  migrations: identityMigrations,
  routes(app, ctx) {
    registerAuthRoutes(app, ctx);
    registerUserRoutes(app, ctx);
    registerApiKeyRoutes(app, ctx);
    registerOidcRoutes(app, ctx);
  },
  seedDemo: seedDemoAccounts,
};
