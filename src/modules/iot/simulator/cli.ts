/**
 * `npm run simulate`: drives the demo devices over MQTT with realistic rainy-season series, and
 * optionally a flood at one station (trình mô phỏng thiết bị). See README.md in this folder.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../platform/identity/demo-accounts.js';
import { OptionError, USAGE, isHelp, parseOptions, type SimulatorOptions } from './cli-options.js';
import { Fleet } from './fleet.js';
import { defaultFloodLevels, type FloodLevels, type FloodScenario } from './flood.js';
import { SeriesGenerator } from './generator.js';
import { PlatformClient, SimulatorError, type DriveableDevice } from './platform-client.js';
import { HOUR } from './weather.js';

const admin = DEMO_ACCOUNTS.find((a) => a.role === 'system_admin')!;
/**
 * The flood's rise starts four simulated hours after the simulator (four minutes at ×60), its storm
 * one hour after: the chart shows the calm, then the rain, then the river.
 */
const FLOOD_DELAY = 4 * HOUR;

async function main(options: SimulatorOptions): Promise<void> {
  const client = new PlatformClient(options.url);
  await client.signIn(options.email, options.password);
  const all = await client.demoDevices();
  if (all.length === 0) throw new SimulatorError('Không có thiết bị demo nào / There are no demo devices (start the platform with demo data)');
  const floodDevice = pickFloodStation(all, options.flood);
  const chosen = all.slice(0, options.devices ?? all.length);
  if (floodDevice && !chosen.includes(floodDevice)) chosen.push(floodDevice);

  const realStart = Date.now();
  const simulatedNow = () => realStart + (Date.now() - realStart) * options.speed;
  // Every station aims at its own rule's levels, so only the flood station passes level I.
  const floodLevels = await client.floodLevels(chosen.filter((d) => d.metrics.some((m) => m.key === 'water_level')));
  const flood = floodDevice ? floodScenario(floodDevice, floodLevels, realStart + FLOOD_DELAY) : undefined;
  const generator = new SeriesGenerator({ seed: options.seed, floodLevels, ...(flood ? { flood } : {}) });

  console.log(`Cấp mã cho ${chosen.length} thiết bị demo / Issuing tokens for ${chosen.length} demo devices…`);
  const devices: DriveableDevice[] = [];
  for (const d of chosen) devices.push({ ...d, token: await client.rotateToken(d.code) });

  const fleet = new Fleet(options.mqtt, generator, { simulatedNow, simulatedInterval: options.intervalSeconds * options.speed });
  await fleet.connect(devices);
  fleet.start(devices, options.intervalSeconds);
  if (flood) console.log(`Lũ tại ${flood.deviceCode}: báo động I/II/III = ${flood.levels.join(' / ')} / Flood at ${flood.deviceCode}: alarm levels I/II/III = ${flood.levels.join(' / ')}`);
  console.log(`Gửi tới ${options.mqtt} mỗi ${options.intervalSeconds} s, tốc độ ×${options.speed}; Ctrl-C để dừng / Publishing to ${options.mqtt} every ${options.intervalSeconds} s at ×${options.speed}; Ctrl-C stops`);

  let rejected: number | null = null;
  const summary = () => {
    const c = fleet.counters;
    const level = flood ? ` · ${flood.deviceCode} ${fleet.last.get(flood.deviceCode)?.water_level ?? '–'}` : '';
    const server = rejected === null ? '' : ` · máy chủ từ chối / rejected by the server ${rejected}`;
    console.log(`kết nối / connected ${c.connected}/${devices.length} · gửi / sent ${c.sent} (${c.readings} readings) · lỗi / failed ${c.failed + c.refused}${server}${level}`);
  };
  const ticker = setInterval(() => {
    void client.rejectedCount().then((n) => (rejected = n));
    summary();
  }, 5000);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (options.durationSeconds) setTimeout(resolve, options.durationSeconds * 1000).unref();
  });
  clearInterval(ticker);
  await fleet.stop();
  summary();
  console.log('Đã dừng / Stopped.');
}

function pickFloodStation(devices: Array<Omit<DriveableDevice, 'token'>>, flood: string | undefined) {
  if (!flood) return undefined;
  const stations = devices.filter((d) => d.metrics.some((m) => m.key === 'water_level'));
  const station = flood === 'auto' ? stations[0] : stations.find((d) => d.code === flood);
  if (!station) throw new SimulatorError(`Không có trạm đo mực nước demo ${flood === 'auto' ? '' : flood} / No demo water-level station ${flood === 'auto' ? '' : flood}`.replace(/ {2}/g, ' '));
  return station;
}

function floodScenario(station: Omit<DriveableDevice, 'token'>, known: ReadonlyMap<string, FloodLevels>, startsAt: number): FloodScenario {
  const metric = station.metrics.find((m) => m.key === 'water_level')!;
  const levels = known.get(station.code) ?? defaultFloodLevels(metric);
  return { deviceCode: station.code, startsAt, levels };
}

const argv = process.argv.slice(2);
if (isHelp(argv)) {
  console.log(USAGE);
} else {
  try {
    await main(parseOptions(argv, process.env, { email: admin.email, password: DEMO_PASSWORD }));
    process.exit(0);
  } catch (error) {
    if (error instanceof SimulatorError || error instanceof OptionError) {
      console.error(error.message);
      if (error instanceof OptionError) console.error(USAGE);
      process.exit(1);
    }
    throw error;
  }
}
