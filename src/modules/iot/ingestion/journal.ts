import fs from 'node:fs';
import path from 'node:path';
import type { Reading } from '../readings.js';

/**
 * The write-ahead journal of MQTT messages (nhật ký ghi trước): every accepted message is appended
 * synchronously before the broker acknowledges it, and forgotten once the batch holding it is
 * committed. At start the leftover is replayed; the store ignores readings it already has (unique
 * by device, metric and source ts), so a replay never duplicates.
 */
export interface Journal {
  /** Appends synchronously; returns the segment the readings went to, for `release`. */
  append(readings: Reading[]): number;
  /** `count` readings of `segment` are committed. */
  release(segment: number, count: number): void;
  /** What a previous run left uncommitted, oldest first. */
  leftover(): Reading[];
  /** The leftover is committed: delete it. */
  dropLeftover(): void;
  /** Readings appended and not yet committed. */
  pendingReadings(): number;
  close(): void;
}

type Row = [string, string, number, number, 0 | 1];

function encode(readings: Reading[]): string {
  const rows: Row[] = readings.map((r) => [r.deviceId, r.metric, r.ts.getTime(), r.value, r.outOfRange ? 1 : 0]);
  return `${JSON.stringify(rows)}\n`;
}

function decode(text: string): Reading[] {
  const readings: Reading[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let rows: Row[];
    try {
      rows = JSON.parse(line) as Row[];
    } catch {
      continue; // the torn last line of a crash mid-write: its message was never acknowledged
    }
    for (const [deviceId, metric, ts, value, oor] of rows) readings.push({ deviceId, metric, ts: new Date(ts), value, outOfRange: oor === 1 });
  }
  return readings;
}

interface Segment {
  id: number;
  fd: number;
  file: string;
  bytes: number;
  pending: number;
}

const SEGMENT = /^segment-(\d+)\.ndjson$/;

export interface FileJournalOptions {
  /** fdatasync after every append: survives power loss too, at the price of a disk flush per message. */
  fsync?: boolean;
  /** Start a new segment past this size, so committed data is deleted while a stream never pauses. */
  segmentBytes?: number;
}

/** Segment files `segment-<n>.ndjson` in one directory; one JSON line per message. */
export class FileJournal implements Journal {
  private readonly segments = new Map<number, Segment>();
  private active: Segment;
  private readonly old: string[];
  private pending = 0;

  constructor(
    private readonly dir: string,
    private readonly options: FileJournalOptions = {},
  ) {
    fs.mkdirSync(dir, { recursive: true });
    const files = fs.readdirSync(dir).filter((f) => SEGMENT.test(f));
    const ids = files.map((f) => Number(SEGMENT.exec(f)![1]));
    this.old = files.sort((a, b) => Number(SEGMENT.exec(a)![1]) - Number(SEGMENT.exec(b)![1])).map((f) => path.join(dir, f));
    this.active = this.open((ids.length ? Math.max(...ids) : 0) + 1);
  }

  append(readings: Reading[]): number {
    const line = encode(readings);
    fs.writeSync(this.active.fd, line);
    if (this.options.fsync) fs.fdatasyncSync(this.active.fd);
    this.active.bytes += Buffer.byteLength(line);
    this.active.pending += readings.length;
    this.pending += readings.length;
    const id = this.active.id;
    if (this.active.bytes >= (this.options.segmentBytes ?? 1024 * 1024)) this.active = this.open(id + 1);
    return id;
  }

  release(segmentId: number, count: number): void {
    const segment = this.segments.get(segmentId);
    if (!segment) return;
    segment.pending -= count;
    this.pending -= count;
    if (segment.pending > 0) return;
    if (segment === this.active) {
      // Everything in it is committed: empty it in place rather than starting a new file.
      fs.ftruncateSync(segment.fd, 0);
      segment.bytes = 0;
    } else {
      this.remove(segment);
    }
  }

  leftover(): Reading[] {
    return this.old.flatMap((file) => decode(fs.readFileSync(file, 'utf8')));
  }

  dropLeftover(): void {
    for (const file of this.old.splice(0)) fs.rmSync(file, { force: true });
  }

  pendingReadings(): number {
    return this.pending;
  }

  close(): void {
    for (const segment of this.segments.values()) fs.closeSync(segment.fd);
    this.segments.clear();
  }

  private open(id: number): Segment {
    const file = path.join(this.dir, `segment-${id}.ndjson`);
    const segment = { id, fd: fs.openSync(file, 'a'), file, bytes: 0, pending: 0 };
    this.segments.set(id, segment);
    return segment;
  }

  private remove(segment: Segment): void {
    fs.closeSync(segment.fd);
    fs.rmSync(segment.file, { force: true });
    this.segments.delete(segment.id);
  }
}

/** For DATA_DIR=memory:// (tests, throwaway demos): nothing outlives the process anyway. */
export class MemoryJournal implements Journal {
  private pending = 0;
  append(readings: Reading[]): number {
    this.pending += readings.length;
    return 0;
  }
  release(_segment: number, count: number): void {
    this.pending -= count;
  }
  leftover(): Reading[] {
    return [];
  }
  dropLeftover(): void {}
  pendingReadings(): number {
    return this.pending;
  }
  close(): void {}
}
