/** `npm run simulate` options, from the command line first, then the environment, then defaults. */
export interface SimulatorOptions {
  url: string;
  mqtt: string;
  /** How many demo devices to drive; undefined = all. */
  devices: number | undefined;
  intervalSeconds: number;
  /** Simulated seconds per real second: at 60 a flood of a day plays out in about 25 minutes. */
  speed: number;
  /** A station code, 'auto' (the first water-level station), or undefined for no flood. */
  flood: string | undefined;
  email: string;
  password: string;
  seed: number;
  /** Stop after this many seconds (tests, benchmarks); undefined = until Ctrl-C. */
  durationSeconds: number | undefined;
}

export class OptionError extends Error {}

const HELP_FLAGS = new Set(['--help', '-h']);

export const USAGE = `npm run simulate -- [options]
  --url URL          platform address (máy chủ)            default PUBLIC_URL or http://localhost:$PORT (3000)
  --mqtt URL         MQTT broker                           default MQTT_URL or mqtt://127.0.0.1:$MQTT_PORT (1883)
  --devices N        drive the first N demo devices        default all
  --interval S       seconds between a device's messages   default 5
  --speed X          simulated time multiplier             default 60
  --flood CODE|auto|none  play a flood at this station (lũ) default auto (the first water-level station)
  --email, --password  a system administrator's sign-in   default the demo account quantri@demo.tinhso.vn
  --seed N           weather seed                          default 2026
  --duration S       stop after S seconds                  default never (Ctrl-C)`;

export function isHelp(argv: readonly string[]): boolean {
  return argv.some((a) => HELP_FLAGS.has(a));
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaults: { email: string; password: string }): SimulatorOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new OptionError(`Tham số không hợp lệ / Unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new OptionError(`Thiếu giá trị cho ${arg} / ${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    }
  }
  const known = ['url', 'mqtt', 'devices', 'interval', 'speed', 'flood', 'email', 'password', 'seed', 'duration'];
  for (const key of flags.keys()) if (!known.includes(key)) throw new OptionError(`Tùy chọn không rõ / Unknown option: --${key}`);
  const number = (key: string, fallback: number | undefined, min: number): number | undefined => {
    const raw = flags.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new OptionError(`--${key} phải là số ≥ ${min} / --${key} must be a number ≥ ${min}: ${raw}`);
    return n;
  };
  const devices = number('devices', undefined, 1);
  return {
    url: (flags.get('url') ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    mqtt: flags.get('mqtt') ?? env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT && env.MQTT_PORT !== '0' ? env.MQTT_PORT : 1883}`,
    devices: devices === undefined ? undefined : Math.floor(devices),
    intervalSeconds: number('interval', 5, 0.05)!,
    speed: number('speed', 60, 0.001)!,
    // A new user should see the platform alive: a flood plays out unless asked not to.
    flood: flags.get('flood') === 'none' ? undefined : (flags.get('flood') ?? 'auto'),
    email: flags.get('email') ?? defaults.email,
    password: flags.get('password') ?? defaults.password,
    seed: Math.floor(number('seed', 2026, 0)!),
    durationSeconds: number('duration', undefined, 0.1),
  };
}
