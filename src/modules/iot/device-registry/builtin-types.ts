import type { MetricDefinition, Sector } from '../metrics.js';

export interface DeviceTypeDefinition {
  code: string;
  name: string;
  nameEn: string;
  sector: Sector;
  reportIntervalSeconds: number;
  metrics: MetricDefinition[];
}

const m = (key: string, vi: string, en: string, unit: string, min: number, max: number, precision: number): MetricDefinition => ({ key, name: { vi, en }, unit, min, max, precision });

const temperature = m('temperature', 'Nhiệt độ không khí', 'Air temperature', '°C', -10, 50, 1);
const humidity = m('humidity', 'Độ ẩm không khí', 'Relative humidity', '%', 0, 100, 0);
const rainfall = m('rainfall', 'Lượng mưa trong chu kỳ', 'Rainfall in the interval', 'mm', 0, 300, 1);

/**
 * The device types a central Vietnamese province runs, shipped as reference data. Ranges are what a
 * sensor can physically report, not alarm levels: a reading outside is a fault, flagged and kept
 * out of rollups. Water levels are in cm above the station's datum (mực nước theo cao độ trạm), the
 * way hydrological stations publish them, so a river below datum reads negative.
 */
export const BUILTIN_DEVICE_TYPES: DeviceTypeDefinition[] = [
  {
    code: 'water_level_station',
    name: 'Trạm đo mực nước',
    nameEn: 'Water level station',
    sector: 'environment',
    reportIntervalSeconds: 300,
    metrics: [m('water_level', 'Mực nước', 'Water level', 'cm', -300, 2500, 0)],
  },
  {
    code: 'rain_gauge',
    name: 'Trạm đo mưa',
    nameEn: 'Rain gauge',
    sector: 'environment',
    reportIntervalSeconds: 600,
    metrics: [rainfall],
  },
  {
    code: 'air_quality_station',
    name: 'Trạm quan trắc không khí',
    nameEn: 'Air quality station',
    sector: 'environment',
    reportIntervalSeconds: 300,
    metrics: [
      m('pm25', 'Bụi PM2.5', 'PM2.5', 'µg/m³', 0, 1000, 1),
      m('pm10', 'Bụi PM10', 'PM10', 'µg/m³', 0, 1500, 1),
      m('aqi', 'Chỉ số VN_AQI', 'Vietnamese AQI (VN_AQI)', '', 0, 500, 0),
      temperature,
      humidity,
    ],
  },
  {
    code: 'soil_moisture',
    name: 'Cảm biến độ ẩm đất',
    nameEn: 'Soil moisture sensor',
    sector: 'agriculture',
    reportIntervalSeconds: 900,
    metrics: [m('soil_moisture', 'Độ ẩm đất', 'Soil moisture', '%', 0, 100, 1), m('soil_temperature', 'Nhiệt độ đất', 'Soil temperature', '°C', -5, 60, 1)],
  },
  {
    code: 'salinity',
    name: 'Trạm đo độ mặn',
    nameEn: 'Salinity station',
    sector: 'agriculture',
    reportIntervalSeconds: 900,
    metrics: [m('salinity', 'Độ mặn', 'Salinity', '‰', 0, 45, 2), m('water_temperature', 'Nhiệt độ nước', 'Water temperature', '°C', 0, 45, 1)],
  },
  {
    code: 'weather_station',
    name: 'Trạm khí tượng tự động',
    nameEn: 'Automatic weather station',
    sector: 'environment',
    reportIntervalSeconds: 600,
    metrics: [temperature, humidity, rainfall, m('wind_speed', 'Tốc độ gió', 'Wind speed', 'm/s', 0, 80, 1)],
  },
  {
    code: 'traffic_counter',
    name: 'Thiết bị đếm phương tiện',
    nameEn: 'Traffic counter',
    sector: 'transport',
    reportIntervalSeconds: 300,
    metrics: [m('vehicles', 'Số phương tiện trong chu kỳ', 'Vehicles in the interval', 'xe', 0, 5000, 0), m('avg_speed', 'Tốc độ trung bình', 'Average speed', 'km/h', 0, 200, 0)],
  },
  {
    code: 'visitor_counter',
    name: 'Thiết bị đếm lượt khách',
    nameEn: 'Visitor counter',
    sector: 'tourism',
    reportIntervalSeconds: 900,
    metrics: [m('visitors', 'Lượt khách trong chu kỳ', 'Visitors in the interval', 'lượt', 0, 10000, 0)],
  },
  {
    // Irrigation reservoirs (hồ chứa thủy lợi) such as Rào Quán, Ái Tử or Phú Vinh: their level and
    // release decide downstream flooding in the rainy season.
    code: 'reservoir_station',
    name: 'Trạm giám sát hồ chứa',
    nameEn: 'Reservoir monitoring station',
    sector: 'agriculture',
    reportIntervalSeconds: 600,
    metrics: [m('reservoir_level', 'Mực nước hồ', 'Reservoir level', 'm', 0, 300, 2), m('discharge', 'Lưu lượng xả', 'Discharge', 'm³/s', 0, 10000, 1)],
  },
  {
    // Street flooding depth (độ sâu ngập) in Đông Hà and Đồng Hới, where heavy rain floods roads
    // before the rivers rise.
    code: 'flood_depth_sensor',
    name: 'Cảm biến độ sâu ngập',
    nameEn: 'Street flood depth sensor',
    sector: 'transport',
    reportIntervalSeconds: 300,
    metrics: [m('flood_depth', 'Độ sâu ngập', 'Flood depth', 'cm', 0, 300, 0)],
  },
];
