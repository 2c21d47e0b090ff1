/**
 * How a ratio becomes points in Decision 766 (brief §1.6). Pure functions; ratios are 0–1.
 * Points are rounded to 2 decimals, as the national portal shows them.
 */

export const round2 = (x: number) => Math.round(x * 100) / 100;
export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** max × ratio (1.3, 2.1, 3.6 A, 4.1, 4.4 …). */
export function linearPoints(max: number, ratio: number): number {
  return round2(max * clamp01(ratio));
}

/** Full marks from `threshold` up, proportional below: max × min(1, ratio / threshold). */
export function fullAtPoints(max: number, ratio: number, threshold: number): number {
  return round2(max * Math.min(1, clamp01(ratio) / threshold));
}

/** 2.1: 20 × (on time + pending within time) / (finished + pending). */
export const onTimePoints = (ratio: number) => linearPoints(20, ratio);
/** 3.1 DVCTT coverage and 3.5, 3.5b, 4.2, 4.3: full at ≥ 80 %. */
export const fullAt80 = (max: number, ratio: number) => fullAtPoints(max, ratio, 0.8);
/** 3.3 online share: full at ≥ 50 %. */
export const fullAt50 = (max: number, ratio: number) => fullAtPoints(max, ratio, 0.5);
/** 5.4 satisfaction with receiving and handling: full at ≥ 90 %. */
export const fullAt90 = (max: number, ratio: number) => fullAtPoints(max, ratio, 0.9);

/**
 * The online-payment group (10 points) as reconstructed from the portal's figures (brief §1.6,
 * not the decision's text): 6·A + min(2, 2.5·B) + min(2, 2.5·C), with A = 3.6 dossiers paid online,
 * B = 3.5 procedures integrated, C = 3.5b procedures with actual payments. The reconstruction leaves
 * the last term uncapped; we cap it at the indicator's 2 points so the group never exceeds 10.
 */
export function paymentGroupPoints(a: number, b: number, c: number): { a: number; b: number; c: number; total: number } {
  const pa = round2(6 * clamp01(a));
  const pb = round2(Math.min(2, 2.5 * clamp01(b)));
  const pc = round2(Math.min(2, 2.5 * clamp01(c)));
  return { a: pa, b: pb, c: pc, total: round2(pa + pb + pc) };
}

/** 5.4: 100 % − (late rate + rate of dossiers with a petition or a dislike), never below 0. */
export function satisfactionRatio(lateRate: number, complaintRate: number): number {
  return round4(clamp01(1 - lateRate - complaintRate));
}
