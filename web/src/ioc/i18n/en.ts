import type { IocMessages } from './vi.js';

/** Texts of the operations centre (English). */
export const en: IocMessages = {
  'nav.overview': 'Overview',
  'overview.title': 'Province overview',
  'overview.lead': 'Every sector live, on a map, with alerts.',
  'overview.updated': 'Updated at {time}',
  'kpi.title': 'Key figures',
  'kpi.communes': 'Communes, wards, special zones',
  'kpi.feedback': 'New reports today',
  'kpi.overdue': 'Overdue dossiers',
  'kpi.alerts': 'Sensor alerts',
  'kpi.pending': 'Module pending',
  'map.title': 'Commune boundaries — {province}',
  'map.label': 'Map of the communes, wards and special zones of {province}. Use the list beside it to choose with the keyboard.',
  'map.loading': 'Loading the map…',
  'map.attribution': 'Boundaries: © Thang Le Quoc (MIT), after the administrative map at sapnhap.bando.com.vn',
  'map.noBoundaries': 'No boundary data for this unit yet.',
  'list.title': 'Units ({count})',
  'list.filter': 'Filter by name',
  'list.selected': 'Selected: {name}',
  'list.clear': 'Clear selection',
  'type.ward': 'Ward',
  'type.commune': 'Commune',
  'type.special_zone': 'Special zone',
  'alerts.title': 'Alerts',
  'alerts.none': 'No alerts. Alerts from IoT sensors, citizen reports and overdue dossiers will appear here once those modules are connected.',
};
