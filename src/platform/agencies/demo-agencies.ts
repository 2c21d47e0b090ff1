import type { AgencyKind } from './tables.js';

export interface DemoAgency {
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
}

/** The demo province: Quảng Trị (44), merged with Quảng Bình on 1 July 2025, seat in Đồng Hới. */
export const DEMO_PROVINCE_CODE = '44';
export const DEMO_PROVINCE_SEAT = '18880';
export const PROVINCIAL_COMMITTEE_CODE = 'UBND';

export const PROVINCIAL_COMMITTEE: DemoAgency = {
  code: PROVINCIAL_COMMITTEE_CODE,
  name: 'Ủy ban nhân dân tỉnh Quảng Trị',
  nameEn: "People's Committee of Quảng Trị Province",
  kind: 'provincial_committee',
};

/**
 * Bodies under the provincial People's Committee, with the department names in force after the
 * 2025 reorganisation (e.g. Sở Nông nghiệp và Môi trường replaced Sở Nông nghiệp và PTNT and Sở
 * Tài nguyên và Môi trường; Sở Khoa học và Công nghệ absorbed Sở Thông tin và Truyền thông).
 * Công an tỉnh answers to the Ministry of Public Security; it sits here because reports are routed
 * to it like to any department. Demo data: names are real, contact details are not.
 */
export const PROVINCIAL_BODIES: DemoAgency[] = [
  { code: 'VPUBND', name: 'Văn phòng Ủy ban nhân dân tỉnh', nameEn: "Office of the Provincial People's Committee", kind: 'department' },
  { code: 'SNV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department' },
  { code: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department' },
  { code: 'SXD', name: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'department' },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment', kind: 'department' },
  { code: 'SCT', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', kind: 'department' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology', kind: 'department' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', nameEn: 'Department of Culture, Sports and Tourism', kind: 'department' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', kind: 'department' },
  { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department' },
  { code: 'STP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department' },
  { code: 'SNGV', name: 'Sở Ngoại vụ', nameEn: 'Department of Foreign Affairs', kind: 'department' },
  { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo', nameEn: 'Department of Ethnic and Religious Affairs', kind: 'department' },
  { code: 'TTRA', name: 'Thanh tra tỉnh', nameEn: 'Provincial Inspectorate', kind: 'department' },
  { code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế tỉnh', nameEn: 'Economic Zone Management Board', kind: 'department' },
  { code: 'CAT', name: 'Công an tỉnh', nameEn: 'Provincial Police', kind: 'other' },
  { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', nameEn: 'Provincial Public Administrative Service Centre', kind: 'public_service_unit' },
];

const TYPE_EN: Record<string, string> = { ward: 'Ward', commune: 'Commune', special_zone: 'Special Zone' };

/** "Phường Đồng Hới" (type name "phường") → UBND phường Đồng Hới, People's Committee of Đồng Hới Ward. */
export function communeCommittee(unit: { code: string; name: string; type: string; type_name: string }): DemoAgency {
  const typeName = unit.type_name.toLocaleLowerCase('vi');
  const bare = unit.name.toLocaleLowerCase('vi').startsWith(`${typeName} `) ? unit.name.slice(typeName.length + 1) : unit.name;
  return {
    code: `UBND-XA-${unit.code}`,
    name: `Ủy ban nhân dân ${typeName} ${bare}`,
    nameEn: `People's Committee of ${bare} ${TYPE_EN[unit.type] ?? 'Commune'}`,
    kind: 'commune_committee',
  };
}
