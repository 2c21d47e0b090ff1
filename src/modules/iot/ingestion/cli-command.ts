import { parseArgs } from 'node:util';
import { ConfigError, type Config } from '../../../platform/config/config.js';
import { openDatabase } from '../../../platform/db/database.js';
import { migrateToLatest } from '../../../platform/db/migrator.js';
import { hashDeviceToken } from '../device-registry/tokens.js';
import { mosquittoFiles, writeAtomically } from './mosquitto-bridge.js';

export const MOSQUITTO_FILES_USAGE = 'iot:mosquitto-files --passwd F --acl F   write Mosquitto\'s password and ACL files for the registry once (platform user from MQTT_USERNAME/MQTT_PASSWORD)';

/** `iot:mosquitto-files`: the bridge's two files, once, for a broker set up before the platform runs. */
export async function mosquittoFilesCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { passwd: { type: 'string' }, acl: { type: 'string' } } });
  if (!values.passwd || !values.acl) throw new ConfigError(`iot:mosquitto-files needs --passwd and --acl. Usage: ${MOSQUITTO_FILES_USAGE}`);
  const { MQTT_USERNAME: username, MQTT_PASSWORD: password } = config.env;
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const files = await mosquittoFiles(handle.db, username && password ? { username, passwordHash: hashDeviceToken(password) } : undefined);
    writeAtomically(values.passwd, files.passwd);
    writeAtomically(values.acl, files.acl);
    const devices = files.passwd.split('\n').filter(Boolean).length - (username && password ? 1 : 0);
    console.log(`Wrote ${values.passwd} and ${values.acl}: ${devices} devices${files.skipped.length ? `, left out (unusable code): ${files.skipped.join(', ')}` : ''}. Reload Mosquitto (SIGHUP) to apply.`);
    return 0;
  } finally {
    await handle.close();
  }
}
