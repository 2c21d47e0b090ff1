import type { User } from '../lib/session.js';
import { NotFound } from '../ui/Guard.js';
import { PAGE } from './api.js';
import { AlarmConsole } from './AlarmConsole.js';
import { DevicePage } from './DevicePage.js';
import { DevicesPage } from './DevicesPage.js';
import { DeviceTypesPage } from './DeviceTypesPage.js';
import { NewDevicePage } from './NewDevicePage.js';
import { RulesPage } from './RulesPage.js';
import { canEditDevices } from './api.js';
import './iot.css';

/** The IoT pages of the officer entry, one lazily loaded chunk (Leaflet and ECharts come later still). */
export function IotPages({ path, user }: { path: string; user: User }) {
  if (path === PAGE.devices) return <DevicesPage user={user} />;
  if (path === PAGE.newDevice) return canEditDevices(user) ? <NewDevicePage /> : <NotFound />;
  if (path === PAGE.alarms) return <AlarmConsole user={user} />;
  if (path === PAGE.rules) return <RulesPage user={user} />;
  if (path === PAGE.types) return <DeviceTypesPage user={user} />;
  const code = decodeURIComponent(path.slice(PAGE.devices.length + 1));
  if (!code || code.includes('/')) return <NotFound />;
  return <DevicePage key={code} code={code} user={user} />;
}
