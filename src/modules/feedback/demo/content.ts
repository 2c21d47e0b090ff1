/**
 * What a report says and who sent it: descriptions and addresses filled from the Vietnamese
 * templates (texts.ts), answers to the category's questions, and obviously fake reporters.
 */
import type { Random } from '../../../platform/seeded-random.js';
import type { DemoCommune, DemoWorldCategory } from './world.js';
import type { PlannedReport } from './plan.js';
import * as T from './texts.js';

export function fill(template: string, commune: DemoCommune, random: Random): { text: string; address: string } {
  const hasRoad = template.includes('{duong}');
  const number = random.int(1, 180);
  let noi: string;
  let duong: string;
  let address: string;
  if (commune.kind === 'ward') {
    const street = random.pick(T.STREETS);
    duong = street;
    const short = [`trước nhà số ${number}`, `${random.pick(T.LANDMARKS)}`, `đầu kiệt ${number}`, `đoạn giao với đường ${random.pick(T.STREETS.filter((s) => s !== street))}`];
    noi = hasRoad ? random.pick(short) : random.pick([`trước nhà số ${number} đường ${street}`, `trên đường ${street}, ${random.pick(T.LANDMARKS)}`, `trong kiệt ${number} đường ${street}`]);
    address = `${number} ${street}, ${commune.name}`;
  } else {
    const village = random.pick(T.VILLAGE_PARTS);
    duong = random.pick(T.ROADS_RURAL);
    noi = hasRoad ? random.pick([`tại ${village}`, `${random.pick(T.LANDMARKS)} ở ${village}`]) : random.pick([`tại ${village}`, `${random.pick(T.LANDMARKS)}, ${village}`, `trên đường ${random.pick(T.ROADS_RURAL)} qua ${village}`]);
    address = `${village}, ${commune.name}`;
  }
  const text = template.replaceAll('{noi}', noi).replaceAll('{duong}', duong).replaceAll('{thoi}', random.pick(T.SINCE));
  return { text, address };
}

export function attributesFor(category: DemoWorldCategory, preset: Record<string, string | string[]> | undefined, floodLevel: number, random: Random): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of category.attributes) {
    const given = preset?.[a.code];
    if (given !== undefined && (a.required || random.chance(0.7))) {
      out[a.code] = given;
      continue;
    }
    if (!a.required && !random.chance(0.45)) continue;
    const keys = a.values.map((v) => v.key);
    if (a.datatype === 'singlevaluelist' && keys.length > 0) out[a.code] = random.pick(keys);
    else if (a.datatype === 'multivaluelist' && keys.length > 0) out[a.code] = [...new Set([random.pick(keys), ...(random.chance(0.3) ? [random.pick(keys)] : [])])];
    else if (a.datatype === 'number') out[a.code] = String(Math.round(random.between(5, 30) * Math.min(4, Math.max(1, floodLevel / 2))));
    else if (a.datatype === 'datetime') continue;
    else out[a.code] = `C-${random.int(10, 999)}`;
  }
  return out;
}

export function reporter(random: Random, source: PlannedReport['source'], n: number) {
  const named = source === 'counter' || random.chance(0.7);
  const name = named ? `${random.pick(T.FAMILY_NAMES)} ${random.pick(T.MIDDLE_NAMES)} Demo` : null;
  // Obviously fake: every demo phone number ends in 000, every address is on the reserved .invalid domain.
  const phone = source === 'counter' || random.chance(0.55) ? `09${random.int(10, 99)} ${random.int(100, 999)} 000` : null;
  const email = random.chance(0.25) ? `demo.${n}@example.invalid` : null;
  return { name, phone, email, hideName: named && random.chance(0.35) };
}
