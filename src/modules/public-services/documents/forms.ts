import type { DocumentKind } from '../tables.js';

export interface FormSpec {
  title: string;
  /** Shown top right: the form's number in the 2025 set and, where one exists, in the 2018 set. */
  label: string[];
  /** The symbol in the document number (số ký hiệu), e.g. TN in 12/TN-TTPVHCC; null = unnumbered. */
  symbol: string | null;
  /** Issued by the unit that receives dossiers (one-stop) rather than the agency that handles them. */
  byReceiving: boolean;
}

const TT2025 = 'Thông tư số 03/2025/TT-VPCP';
const TT2018 = 'Thông tư số 01/2018/TT-VPCP';

/**
 * The one-stop forms (biểu mẫu). Circular 03/2025 renumbered the 2018 set: Mẫu 04 became an apology
 * with a request for more time, Mẫu 05 the stop notice, and the control sheet moved from 05 to 06.
 */
export const FORMS: Record<DocumentKind, FormSpec> = {
  receipt: { title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', label: [`Mẫu số 01 - ${TT2025}`, `(Mẫu số 01 - ${TT2018})`], symbol: 'TN', byReceiving: true },
  completion_request: { title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', label: [`Mẫu số 02 - ${TT2025}`, `(Mẫu số 02 - ${TT2018})`], symbol: 'HT', byReceiving: true },
  refusal: { title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', label: [`Mẫu số 03 - ${TT2025}`, `(Mẫu số 03 - ${TT2018})`], symbol: 'TC', byReceiving: true },
  apology: { title: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả', label: [`Mẫu số 04 - ${TT2025}`, `(Mẫu số 04 - ${TT2018})`], symbol: 'XL', byReceiving: false },
  stop_notice: { title: 'Thông báo dừng giải quyết hồ sơ', label: [`Mẫu số 05 - ${TT2025}`], symbol: 'DGQ', byReceiving: false },
  supplement_request: { title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', label: [`Mẫu số 02 - ${TT2025}`, `(Mẫu số 02 - ${TT2018})`, 'Yêu cầu trong quá trình giải quyết'], symbol: 'BS', byReceiving: false },
  control_sheet: { title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', label: [`Mẫu số 06 - ${TT2025}`, `(Mẫu số 05 - ${TT2018})`], symbol: null, byReceiving: true },
  result: { title: 'Kết quả giải quyết thủ tục hành chính', label: ['Văn bản kết quả (bản điện tử)'], symbol: 'KQ', byReceiving: false },
};

export const COMPONENT_KIND_LABELS = { original: 'Bản chính', copy: 'Bản sao', electronic: 'Bản điện tử' } as const;
