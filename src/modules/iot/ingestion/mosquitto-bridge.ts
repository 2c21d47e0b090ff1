import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { iotDb } from '../tables.js';
import { hashDeviceToken } from '../device-registry/tokens.js';

export interface BridgeLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BridgeSettings {
  passwordFile: string;
  aclFile: string;
  pidFile: string | undefined;
  syncIntervalMs: number;
}

/** The platform's own account at the broker: reads every device topic. */
export interface PlatformAccount {
  username: string;
  password: string;
}

// A code goes into the password file before a ':' and into a topic: no separators, no wildcards.
const SAFE_CODE = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Mosquitto's password_file and acl_file for the registry: each device signs in with its code and
 * token (the stored `$7$` hash is already in Mosquitto's format, so no token is ever needed here)
 * and may write only its own topic; the platform account reads them all. Disabled devices are left out.
 */
export async function mosquittoFiles(db: Db, platform: { username: string; passwordHash: string } | undefined): Promise<{ passwd: string; acl: string; skipped: string[] }> {
  const devices = await iotDb(db)
    .selectFrom('iot_devices')
    .select(['code', 'token_hash'])
    .where('status', '!=', 'disabled')
    .orderBy('code')
    .execute();
  const passwd: string[] = [];
  const acl: string[] = ['# Written by Tỉnh Số (IoT ingestion); edits are overwritten.', ''];
  const skipped: string[] = [];
  if (platform) {
    passwd.push(`${platform.username}:${platform.passwordHash}`);
    acl.push(`user ${platform.username}`, 'topic read devices/+/telemetry', '');
  }
  for (const { code, token_hash } of devices) {
    if (!SAFE_CODE.test(code) || (platform && code === platform.username)) {
      skipped.push(code);
      continue;
    }
    passwd.push(`${code}:${token_hash}`);
    acl.push(`user ${code}`, `topic write devices/${code}/telemetry`, '');
  }
  return { passwd: `${passwd.join('\n')}\n`, acl: `${acl.join('\n')}\n`, skipped };
}

/** Write beside, then rename: Mosquitto never reads half a file. */
export function writeAtomically(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content, { mode: 0o640 });
  fs.renameSync(temp, file);
}

/**
 * Keeps the files in step with the registry: at start, then whenever the device count or the
 * latest `updated_at` changes (polled every MOSQUITTO_SYNC_INTERVAL_MS; a poll is one cheap
 * aggregate). After writing, SIGHUP to the pid in MOSQUITTO_PID_FILE makes Mosquitto reload them.
 */
export class MosquittoBridge {
  private timer: NodeJS.Timeout | undefined;
  private fingerprint = '';
  private running: Promise<void> | undefined;
  private readonly platform: { username: string; passwordHash: string } | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: BridgeSettings,
    account: PlatformAccount | undefined,
    private readonly log: BridgeLog,
  ) {
    this.platform = account ? { username: account.username, passwordHash: hashDeviceToken(account.password) } : undefined;
  }

  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => {
      this.running ??= this.sync()
        .then(() => undefined)
        .catch((error: unknown) => this.log.error({ err: error }, 'Mosquitto bridge sync failed'))
        .finally(() => (this.running = undefined));
    }, this.settings.syncIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Rewrites the files and signals Mosquitto when the registry changed since the last time. */
  async sync(): Promise<boolean> {
    const row = await iotDb(this.db)
      .selectFrom('iot_devices')
      .select([sql<string>`count(*)::text`.as('n'), sql<string>`coalesce(max(updated_at)::text, '')`.as('latest')])
      .executeTakeFirstOrThrow();
    const fingerprint = `${row.n}|${row.latest}`;
    if (fingerprint === this.fingerprint) return false;
    const files = await mosquittoFiles(this.db, this.platform);
    if (files.skipped.length > 0) this.log.warn({ codes: files.skipped }, 'Devices left out of the Mosquitto files: code unusable as an MQTT user name');
    writeAtomically(this.settings.passwordFile, files.passwd);
    writeAtomically(this.settings.aclFile, files.acl);
    this.fingerprint = fingerprint;
    this.reload();
    return true;
  }

  private reload(): void {
    const pidFile = this.settings.pidFile;
    if (!pidFile) return;
    try {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${pidFile}`);
      process.kill(pid, 'SIGHUP');
      this.log.info({ pid }, 'Mosquitto reloaded its password and ACL files');
    } catch (error) {
      this.log.warn({ err: error, pidFile }, 'Could not signal Mosquitto to reload (không báo được Mosquitto nạp lại)');
    }
  }
}
