import { PART_KEYS, stableJson, type Parts } from './parts.js';

type PartKey = (typeof PART_KEYS)[number];
export type Label = { vi: string; en: string };

/** The constituent parts' names as Decree 63/2010 Art. 8 calls them, for the diff view. */
export const PART_LABELS: Record<PartKey, Label> = {
  name: { vi: 'Tên thủ tục', en: 'Name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  agencyCode: { vi: 'Cơ quan thực hiện', en: 'Implementing agency' },
  subjects: { vi: 'Đối tượng thực hiện', en: 'Applicants' },
  steps: { vi: 'Trình tự thực hiện', en: 'Steps' },
  channels: { vi: 'Cách thức thực hiện', en: 'Channels' },
  components: { vi: 'Thành phần hồ sơ', en: 'Dossier components' },
  timeAmount: { vi: 'Thời hạn giải quyết', en: 'Time limit' },
  timeUnit: { vi: 'Đơn vị thời hạn', en: 'Time unit' },
  sameDayCutoff: { vi: 'Giờ tiếp nhận trả trong ngày', en: 'Same-day cutoff' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  resultType: { vi: 'Hình thức kết quả', en: 'Result form' },
  resultName: { vi: 'Kết quả thực hiện', en: 'Result' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  onlineLevel: { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' },
  fullOnlineEligible: { vi: 'Đủ điều kiện toàn trình', en: 'Eligible for fully online service' },
  onlinePayment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  formSchema: { vi: 'Biểu mẫu điện tử', en: 'Online form' },
  process: { vi: 'Quy trình nội bộ', en: 'Internal process' },
  publication: { vi: 'Quyết định công bố', en: 'Publication' },
};

/**
 * List parts and the key that identifies an item across versions: components and fees by code,
 * process steps by name (a step inserted before them renumbers the others, their names stay), plain
 * text lists by the text itself.
 */
const LIST_KEYS: Partial<Record<PartKey, (item: unknown) => string>> = {
  components: (c) => (c as { code: string }).code,
  fees: (f) => (f as { code: string }).code,
  process: (s) => (s as { name: string }).name,
  steps: (s) => String(s),
  legalBasis: (s) => String(s),
  subjects: (s) => String(s),
  channels: (s) => String(s),
};

export interface ItemChanges {
  added: Array<{ key: string; value: unknown }>;
  removed: Array<{ key: string; value: unknown }>;
  changed: Array<{ key: string; before: unknown; after: unknown }>;
  /** Same items, other order. */
  reordered: boolean;
}

export interface PartChange {
  part: PartKey;
  label: Label;
  before: unknown;
  after: unknown;
  /** For list parts: what was added, removed or changed, item by item. */
  items?: ItemChanges;
}

function byKey(list: unknown[], key: (item: unknown) => string): Map<string, unknown> {
  const map = new Map<string, unknown>();
  list.forEach((item, i) => {
    const k = key(item);
    // A duplicate key (two steps of the same name) keeps both apart by position.
    map.set(map.has(k) ? `${k} #${i + 1}` : k, item);
  });
  return map;
}

export function diffItems(before: unknown[], after: unknown[], key: (item: unknown) => string): ItemChanges {
  const a = byKey(before, key);
  const b = byKey(after, key);
  const added = [...b].filter(([k]) => !a.has(k)).map(([k, value]) => ({ key: k, value }));
  const removed = [...a].filter(([k]) => !b.has(k)).map(([k, value]) => ({ key: k, value }));
  const changed = [...b].filter(([k, v]) => a.has(k) && stableJson(a.get(k)) !== stableJson(v)).map(([k, v]) => ({ key: k, before: a.get(k), after: v }));
  const common = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((k) => other.has(k));
  const reordered = stableJson(common(a, b)) !== stableJson(common(b, a));
  return { added, removed, changed, reordered };
}

/** The constituent parts that differ from `from` to `to`, in the catalog's order of parts. Pure. */
export function diffParts(from: Parts, to: Parts): PartChange[] {
  const changes: PartChange[] = [];
  for (const part of PART_KEYS) {
    const before = from[part];
    const after = to[part];
    if (stableJson(before) === stableJson(after)) continue;
    const key = LIST_KEYS[part];
    const change: PartChange = { part, label: PART_LABELS[part], before, after };
    if (key) change.items = diffItems((before as unknown[] | null) ?? [], (after as unknown[] | null) ?? [], key);
    changes.push(change);
  }
  return changes;
}
