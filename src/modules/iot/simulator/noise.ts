/**
 * Deterministic noise addressed by (seed, key, index): the series are pure functions of time, so any
 * instant can be computed on its own (history seeding, the live simulator, tests) and always gives the
 * same value for the same seed.
 */

/** A 32-bit integer hash (murmur3's finaliser over a combined input). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A string's 32-bit hash (FNV-1a), to address noise by a device code or metric key. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** A float in [0, 1) fixed by its address. */
export function unit(seed: number, key: number, index: number): number {
  return hash32(seed, key, index) / 4294967296;
}

/** Smooth value noise in [-1, 1]: random knots at whole `x`, cosine-interpolated between them. */
export function smooth(seed: number, key: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = unit(seed, key, i) * 2 - 1;
  const b = unit(seed, key, i + 1) * 2 - 1;
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return a + (b - a) * w;
}
