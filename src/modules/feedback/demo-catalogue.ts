import type { Bilingual } from './tables.js';

/**
 * Demo configuration of the demo province. Handling classes follow the three-level shape of
 * Hà Nội's 1207/QĐ-UBND (urgent, normal, complex; accept within 8 working hours); the numbers are
 * demo values until the province enters those of its own decision (Quảng Trị: 2573/QĐ-UBND).
 */
export const DEMO_HANDLING_CLASSES = [
  { code: 'urgent', name_vi: 'Khẩn cấp', name_en: 'Urgent', accept_hours: 2, resolve_amount: 4, resolve_unit: 'working_hours', priority: 1 },
  { code: 'normal', name_vi: 'Thông thường', name_en: 'Normal', accept_hours: 8, resolve_amount: 5, resolve_unit: 'working_days', priority: 2 },
  { code: 'complex', name_vi: 'Phức tạp', name_en: 'Complex', accept_hours: 8, resolve_amount: 15, resolve_unit: 'working_days', priority: 3 },
] as const;
export const DEMO_CLASS_SOURCE = 'DEMO: khung 3 mức theo 1207/QĐ-UBND (Hà Nội); thay bằng quy chế của tỉnh / demo values, replace with the province decision';

interface DemoAttribute {
  code: string;
  datatype: 'string' | 'number' | 'singlevaluelist' | 'multivaluelist' | 'text' | 'datetime';
  required: boolean;
  description: Bilingual;
  values?: Array<{ key: string; name: Bilingual }>;
}

export interface DemoCategory {
  code: string;
  name: Bilingual;
  group: Bilingual;
  description: Bilingual;
  keywords: string;
  /** An agency code, or 'commune' for the People's Committee of the commune containing the point. */
  handler: string;
  handlingClass: 'urgent' | 'normal' | 'complex';
  attributes?: DemoAttribute[];
}

const G = {
  infrastructure: { vi: 'Hạ tầng đô thị, giao thông', en: 'Urban infrastructure and roads' },
  environment: { vi: 'Môi trường, thiên tai', en: 'Environment and disasters' },
  order: { vi: 'An ninh, trật tự', en: 'Security and public order' },
  land: { vi: 'Đất đai, xây dựng', en: 'Land and construction' },
  services: { vi: 'Dịch vụ công, cán bộ', en: 'Public services and officials' },
  utilities: { vi: 'Điện, nước, viễn thông', en: 'Power, water and telecoms' },
  other: { vi: 'Khác', en: 'Other' },
};

const severity: DemoAttribute = {
  code: 'muc_do',
  datatype: 'singlevaluelist',
  required: false,
  description: { vi: 'Mức độ ảnh hưởng', en: 'How serious is it' },
  values: [
    { key: 'nhe', name: { vi: 'Nhẹ', en: 'Minor' } },
    { key: 'trung_binh', name: { vi: 'Trung bình', en: 'Moderate' } },
    { key: 'nghiem_trong', name: { vi: 'Nghiêm trọng, nguy hiểm', en: 'Serious, dangerous' } },
  ],
};

export const DEMO_CATEGORIES: DemoCategory[] = [
  { code: 'hu-hong-duong', name: { vi: 'Hư hỏng đường, cầu', en: 'Damaged road or bridge' }, group: G.infrastructure, description: { vi: 'Ổ gà, sụt lún, nứt vỡ mặt đường, cầu, cống hư hỏng.', en: 'Potholes, subsidence, cracked road surface, damaged bridges and culverts.' }, keywords: 'o ga, sut lun, mat duong, cau, cong', handler: 'SXD', handlingClass: 'normal', attributes: [severity] },
  { code: 'den-chieu-sang', name: { vi: 'Đèn chiếu sáng công cộng', en: 'Street lighting' }, group: G.infrastructure, description: { vi: 'Đèn đường không sáng, chập chờn, cột đèn nghiêng đổ.', en: 'Street lights out, flickering, leaning poles.' }, keywords: 'den duong, cot den', handler: 'commune', handlingClass: 'normal', attributes: [{ code: 'so_cot', datatype: 'string', required: false, description: { vi: 'Số hiệu cột đèn (nếu có)', en: 'Pole number (if any)' } }] },
  { code: 'via-he-lan-chiem', name: { vi: 'Lấn chiếm vỉa hè, lòng đường', en: 'Pavement or road encroachment' }, group: G.infrastructure, description: { vi: 'Buôn bán, để vật liệu, xe trên vỉa hè, lòng đường.', en: 'Trading, materials or vehicles blocking pavements and roads.' }, keywords: 'lan chiem, via he, long duong', handler: 'commune', handlingClass: 'normal' },
  { code: 'an-toan-giao-thong', name: { vi: 'An toàn giao thông', en: 'Road safety' }, group: G.infrastructure, description: { vi: 'Biển báo, đèn tín hiệu hỏng; điểm đen tai nạn; vật cản nguy hiểm.', en: 'Broken signs or signals, accident black spots, dangerous obstacles.' }, keywords: 'bien bao, den tin hieu, tai nan', handler: 'SXD', handlingClass: 'urgent', attributes: [severity] },
  { code: 'rac-thai-ve-sinh', name: { vi: 'Rác thải, vệ sinh môi trường', en: 'Garbage and sanitation' }, group: G.environment, description: { vi: 'Rác tồn đọng, đổ trộm rác, xác động vật, nhà vệ sinh công cộng mất vệ sinh.', en: 'Uncollected or dumped garbage, dead animals, dirty public toilets.' }, keywords: 'rac, do trom, ve sinh', handler: 'commune', handlingClass: 'normal' },
  { code: 'ngap-ung-thoat-nuoc', name: { vi: 'Ngập úng, thoát nước', en: 'Flooding and drainage' }, group: G.environment, description: { vi: 'Ngập úng, tắc cống, hố ga mất nắp, sạt lở bờ sông.', en: 'Flooding, blocked drains, missing manhole covers, riverbank erosion.' }, keywords: 'ngap, cong, ho ga, sat lo', handler: 'SNNMT', handlingClass: 'urgent', attributes: [severity, { code: 'do_sau_cm', datatype: 'number', required: false, description: { vi: 'Độ sâu ngập ước tính (cm)', en: 'Estimated water depth (cm)' } }] },
  { code: 'o-nhiem-moi-truong', name: { vi: 'Ô nhiễm môi trường', en: 'Environmental pollution' }, group: G.environment, description: { vi: 'Khói bụi, mùi hôi, nước thải, tiếng ồn vượt mức.', en: 'Smoke, dust, odours, waste water, excessive noise.' }, keywords: 'o nhiem, khoi, bui, nuoc thai, tieng on', handler: 'SNNMT', handlingClass: 'normal', attributes: [{ code: 'loai_o_nhiem', datatype: 'multivaluelist', required: true, description: { vi: 'Loại ô nhiễm', en: 'Kind of pollution' }, values: [{ key: 'khong_khi', name: { vi: 'Không khí', en: 'Air' } }, { key: 'nuoc', name: { vi: 'Nước', en: 'Water' } }, { key: 'tieng_on', name: { vi: 'Tiếng ồn', en: 'Noise' } }, { key: 'dat', name: { vi: 'Đất', en: 'Soil' } }] }] },
  { code: 'cay-xanh', name: { vi: 'Cây xanh đô thị', en: 'Street trees' }, group: G.environment, description: { vi: 'Cây gãy đổ, nguy cơ đổ, cần cắt tỉa.', en: 'Fallen trees, trees at risk of falling, pruning needed.' }, keywords: 'cay do, cat tia', handler: 'commune', handlingClass: 'urgent' },
  { code: 'thien-tai', name: { vi: 'Thiên tai, cứu hộ', en: 'Disasters and rescue' }, group: G.environment, description: { vi: 'Lũ lụt, sạt lở đất, cô lập, cần cứu hộ khẩn cấp.', en: 'Floods, landslides, people cut off, urgent rescue.' }, keywords: 'lu lut, sat lo, cuu ho', handler: 'SNNMT', handlingClass: 'urgent', attributes: [severity] },
  { code: 'trat-tu-cong-cong', name: { vi: 'Trật tự công cộng', en: 'Public order' }, group: G.order, description: { vi: 'Gây rối, tụ tập, đua xe, karaoke quá giờ.', en: 'Disturbances, gatherings, street racing, late-night karaoke.' }, keywords: 'gay roi, dua xe, karaoke', handler: 'CAT', handlingClass: 'urgent' },
  { code: 'an-ninh', name: { vi: 'An ninh, tệ nạn xã hội', en: 'Security and social evils' }, group: G.order, description: { vi: 'Trộm cắp, cờ bạc, ma túy, mại dâm.', en: 'Theft, gambling, drugs, prostitution.' }, keywords: 'trom cap, co bac, ma tuy', handler: 'CAT', handlingClass: 'urgent' },
  { code: 'xay-dung-trai-phep', name: { vi: 'Xây dựng trái phép', en: 'Illegal construction' }, group: G.land, description: { vi: 'Xây dựng không phép, sai phép, lấn chiếm đất công.', en: 'Building without or against a permit, on public land.' }, keywords: 'xay dung, khong phep, sai phep', handler: 'commune', handlingClass: 'complex' },
  { code: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' }, group: G.land, description: { vi: 'Tranh chấp, lấn chiếm, sử dụng đất sai mục đích.', en: 'Land disputes, encroachment, misuse of land.' }, keywords: 'dat, tranh chap, lan chiem', handler: 'SNNMT', handlingClass: 'complex' },
  { code: 'an-toan-thuc-pham', name: { vi: 'An toàn thực phẩm', en: 'Food safety' }, group: G.order, description: { vi: 'Cơ sở kinh doanh thực phẩm mất vệ sinh, hàng không rõ nguồn gốc.', en: 'Unhygienic food businesses, food of unknown origin.' }, keywords: 'thuc pham, ve sinh', handler: 'SYT', handlingClass: 'normal' },
  { code: 'dien', name: { vi: 'Điện', en: 'Electricity' }, group: G.utilities, description: { vi: 'Mất điện kéo dài, dây điện võng, nguy cơ chập cháy.', en: 'Long outages, sagging lines, fire risk.' }, keywords: 'mat dien, day dien', handler: 'SCT', handlingClass: 'urgent' },
  { code: 'nuoc-sach', name: { vi: 'Nước sạch', en: 'Clean water' }, group: G.utilities, description: { vi: 'Mất nước, nước bẩn, vỡ đường ống.', en: 'No water, dirty water, burst pipes.' }, keywords: 'mat nuoc, vo ong', handler: 'SXD', handlingClass: 'normal' },
  { code: 'vien-thong', name: { vi: 'Viễn thông, cáp treo', en: 'Telecoms and overhead cables' }, group: G.utilities, description: { vi: 'Cáp viễn thông chằng chịt, rơi, mất sóng.', en: 'Tangled or fallen cables, no signal.' }, keywords: 'cap, song dien thoai', handler: 'SKHCN', handlingClass: 'normal' },
  { code: 'thai-do-can-bo', name: { vi: 'Thái độ, tác phong cán bộ', en: "Officials' attitude and conduct" }, group: G.services, description: { vi: 'Cán bộ gây phiền hà, sách nhiễu, chậm trễ.', en: 'Officials causing trouble, harassment or delays.' }, keywords: 'can bo, sach nhieu, phien ha', handler: 'SNV', handlingClass: 'complex' },
  { code: 'thu-tuc-hanh-chinh', name: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' }, group: G.services, description: { vi: 'Vướng mắc, chậm trễ khi giải quyết thủ tục hành chính.', en: 'Problems and delays with administrative procedures.' }, keywords: 'thu tuc, ho so, mot cua', handler: 'TTPVHCC', handlingClass: 'normal' },
  { code: 'y-te-giao-duc', name: { vi: 'Y tế, giáo dục', en: 'Health and education' }, group: G.services, description: { vi: 'Trạm y tế, trường học: cơ sở vật chất, chất lượng dịch vụ.', en: 'Health stations and schools: facilities and service quality.' }, keywords: 'tram y te, truong hoc', handler: 'commune', handlingClass: 'normal' },
  { code: 'khac', name: { vi: 'Phản ánh khác', en: 'Other' }, group: G.other, description: { vi: 'Vấn đề khác chưa có trong danh mục.', en: 'Anything not in the list above.' }, keywords: 'khac', handler: 'VPUBND', handlingClass: 'normal' },
];
