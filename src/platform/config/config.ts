import path from 'node:path';

/** Every setting the platform reads from the environment, documented in the README. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  nodeEnv: 'development' | 'production' | 'test';
  sessionSecret: string;
  sessionTtlHours: number;
  demoData: boolean;
  oidc: OidcConfig | undefined;
  s3: S3Config | undefined;
  maxUploadBytes: number;
  trustProxy: boolean;
  /** Background map tiles (an XYZ URL template); without it maps draw the commune outlines alone. */
  mapTiles: MapTilesConfig | undefined;
  /** Where fees for public services are paid (VietQR transfers, the payment gateway). */
  payment: PaymentConfig;
  /** The environment the config was read from: modules read their own settings from it. */
  env: Readonly<Record<string, string | undefined>>;
}

export interface MapTilesConfig {
  /** e.g. `https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  urlTemplate: string;
  attribution: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** Plain-http issuers are allowed only for local development and tests. */
  allowInsecure: boolean;
}

export interface PaymentConfig {
  /** The receiving bank's BIN (NAPAS), e.g. 970436 for Vietcombank. */
  bankBin: string;
  accountNumber: string;
  accountName: string;
  /** True while no account is configured and the demo one (which must never receive money) is shown. */
  demoAccount: boolean;
  /** Shared secret of the payment gateway's signed callbacks; unset in production means no gateway. */
  gatewaySecret: string | undefined;
}

export const DEMO_PAYMENT_ACCOUNT = { bankBin: '970436', accountNumber: '0000000000', accountName: 'TAI KHOAN DEMO - KHONG CHUYEN TIEN' };
export const DEV_PAYMENT_GATEWAY_SECRET = 'dev-only-payment-gateway-secret';

function paymentConfig(env: Env, nodeEnv: Config['nodeEnv']): PaymentConfig {
  const configured = !!env.PAYMENT_ACCOUNT_NUMBER;
  return {
    bankBin: configured ? required(env, 'PAYMENT_BANK_BIN') : DEMO_PAYMENT_ACCOUNT.bankBin,
    accountNumber: configured ? env.PAYMENT_ACCOUNT_NUMBER! : DEMO_PAYMENT_ACCOUNT.accountNumber,
    accountName: configured ? required(env, 'PAYMENT_ACCOUNT_NAME') : DEMO_PAYMENT_ACCOUNT.accountName,
    demoAccount: !configured,
    gatewaySecret: env.PAYMENT_GATEWAY_SECRET || (nodeEnv === 'production' ? undefined : DEV_PAYMENT_GATEWAY_SECRET),
  };
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export const DEFAULT_SESSION_SECRET = 'dev-only-session-secret-change-me';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export class ConfigError extends Error {}

function mapTilesConfig(env: Env): MapTilesConfig | undefined {
  const urlTemplate = env.MAP_TILE_URL;
  if (!urlTemplate) return undefined;
  const valid = /^https?:\/\/[^/]+\//.test(urlTemplate) && ['{z}', '{x}', '{y}'].every((part) => urlTemplate.includes(part));
  if (!valid) throw new ConfigError(`MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}, got "${urlTemplate}"`);
  return { urlTemplate, attribution: env.MAP_TILE_ATTRIBUTION || '' };
}

/**
 * The origin the browser fetches tiles from, as a Content-Security-Policy source: Leaflet's `{s}`
 * subdomain placeholder becomes a wildcard (`https://*.tile.openstreetmap.org`).
 */
export function mapTileSource(tiles: MapTilesConfig): string {
  const origin = /^(https?:\/\/[^/]+)/.exec(tiles.urlTemplate)![1]!;
  return origin.replace('{s}', '*');
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const port = int(env, 'PORT', 3000);
  const dataDir = env.DATA_DIR === 'memory://' ? 'memory://' : path.resolve(env.DATA_DIR || './data');
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: required(env, 'OIDC_CLIENT_ID'),
        clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
        displayName: env.OIDC_DISPLAY_NAME || 'VNeID',
        allowInsecure: env.OIDC_ALLOW_INSECURE === 'true',
      }
    : undefined;
  const s3 = env.S3_BUCKET
    ? {
        endpoint: required(env, 'S3_ENDPOINT'),
        bucket: env.S3_BUCKET,
        region: env.S3_REGION || 'us-east-1',
        accessKeyId: required(env, 'S3_ACCESS_KEY_ID'),
        secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY'),
      }
    : undefined;
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Tỉnh Số <no-reply@tinhso.local>',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    nodeEnv,
    sessionSecret: env.SESSION_SECRET || DEFAULT_SESSION_SECRET,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12),
    demoData: env.DEMO_DATA ? env.DEMO_DATA !== 'false' : nodeEnv !== 'production',
    oidc,
    s3,
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 10 * 1024 * 1024),
    trustProxy: env.TRUST_PROXY === 'true',
    payment: paymentConfig(env, nodeEnv),
    mapTiles: mapTilesConfig(env),
    env: { ...env },
  };
}

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new ConfigError(`${name} is required when its feature is configured`);
  return v;
}

/** Reasons a production start must be refused; empty when the configuration is safe. */
export function productionProblems(config: Config, demoAccountsPresent: boolean): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (config.sessionSecret === DEFAULT_SESSION_SECRET || config.sessionSecret.length < 32) {
    problems.push('SESSION_SECRET is the default or shorter than 32 characters; set a long random value.');
  }
  if (config.demoData) problems.push('DEMO_DATA is on; production must not load demo accounts (set DEMO_DATA=false).');
  if (demoAccountsPresent) {
    problems.push('The database holds demo accounts (@demo.tinhso.vn); remove them or start from an empty database.');
  }
  if (!config.publicUrl.startsWith('https://')) problems.push('PUBLIC_URL must be an https:// address in production.');
  if (config.oidc?.allowInsecure) problems.push('OIDC_ALLOW_INSECURE is on; production sign-in must use an https:// issuer.');
  return problems;
}
