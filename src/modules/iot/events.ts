import { EventEmitter } from 'node:events';
import type { Db } from '../../platform/db/database.js';
import type { Reading } from './readings.js';

/** An alarm as pushed live to consoles and the operations centre (IOC). */
export interface AlarmEvent {
  kind: 'raised' | 'escalated' | 'deescalated' | 'acknowledged' | 'cleared';
  alarmId: string;
  ruleId: string;
  deviceId: string;
  deviceCode: string;
  level: number;
  state: 'active' | 'acknowledged' | 'cleared';
  at: string;
}

interface IotEventMap {
  /** Readings newly committed to the store (duplicates already removed), in one batch. */
  readings: [Reading[]];
  alarm: [AlarmEvent];
}

export type IotEventBus = EventEmitter<IotEventMap>;

/**
 * The in-process bus between ingestion, rules and live views. One per database, because tests run
 * several platforms in one process and must not hear each other.
 */
const buses = new WeakMap<Db, IotEventBus>();

export function iotEvents(db: Db): IotEventBus {
  let bus = buses.get(db);
  if (!bus) {
    bus = new EventEmitter<IotEventMap>();
    // Every open live view (SSE) listens; hundreds are expected on a busy operations centre.
    bus.setMaxListeners(0);
    buses.set(db, bus);
  }
  return bus;
}
