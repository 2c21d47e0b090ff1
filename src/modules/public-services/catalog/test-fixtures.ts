/** A complete, valid procedure body for tests (province level, Department of Construction). */
export function sampleProcedure(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code,
    name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II',
    nameEn: 'Construction practising certificate, class II',
    field: 'Hoạt động xây dựng',
    level: 'province',
    agencyCode: 'SXD',
    subjects: ['citizen'],
    steps: ['Nộp hồ sơ trực tuyến.', 'Sở Xây dựng sát hạch và cấp chứng chỉ.'],
    channels: ['counter', 'online'],
    components: [
      { code: 'don', name: 'Đơn đề nghị cấp chứng chỉ', kind: 'electronic', count: 1, required: true },
      { code: 'van-bang', name: 'Văn bằng đào tạo', kind: 'copy', count: 1, required: true, reusable: true },
    ],
    timeAmount: 10,
    timeUnit: 'working_days',
    sameDayCutoff: null,
    fees: [{ code: 'le-phi', name: 'Lệ phí cấp chứng chỉ', amount: 150000, exemptions: [{ code: 'ho-ngheo', name: 'Người thuộc hộ nghèo' }], collectedAt: 'receipt' }],
    resultType: 'electronic',
    resultName: 'Chứng chỉ hành nghề hoạt động xây dựng',
    legalBasis: ['Luật Xây dựng số 50/2014/QH13'],
    onlineLevel: 'full',
    fullOnlineEligible: true,
    onlinePayment: true,
    formSchema: { type: 'object', title: 'Đơn đề nghị', properties: { linhVuc: { type: 'string', title: 'Lĩnh vực hành nghề' }, hang: { type: 'string', enum: ['II'] } }, required: ['linhVuc'] },
    process: [
      { step: 1, name: 'Tiếp nhận', actor: 'receiving', role: 'officer', hours: 4, status: 2 },
      { step: 2, name: 'Thẩm định', actor: 'handling', role: 'officer', hours: 60, status: 4 },
      { step: 3, name: 'Ký', actor: 'handling', role: 'agency_admin', hours: 12, status: 4 },
      { step: 4, name: 'Trả kết quả', actor: 'receiving', role: 'officer', hours: 4, status: 9 },
    ],
    publication: { decisionNumber: '123/QĐ-UBND', decisionDate: '2025-06-20' },
    ...overrides,
  };
}
