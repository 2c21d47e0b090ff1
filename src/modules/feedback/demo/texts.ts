/**
 * Vietnamese wording for demo reports: descriptions per category, officers' results, reasons and
 * reporters' comments. Slots: {noi} a place ("trước nhà số 25 đường Lê Lợi"), {thoi} since when,
 * {duong} a street or road. All of it is invented demo text; names of streets are common ones.
 */

export interface DescriptionTemplate {
  text: string;
  /** Attribute answers that go with this wording (e.g. the kind of pollution it describes). */
  attributes?: Record<string, string | string[]>;
}

const t = (text: string, attributes?: Record<string, string | string[]>): DescriptionTemplate => (attributes ? { text, attributes } : { text });

export const DESCRIPTIONS: Record<string, DescriptionTemplate[]> = {
  'hu-hong-duong': [
    t('Mặt đường {duong} đoạn {noi} có nhiều ổ gà lớn, trời mưa đọng nước, xe máy đi qua rất dễ ngã.'),
    t('Ổ gà sâu khoảng 20 cm {noi}, {thoi} đã có người đi xe máy bị ngã. Đề nghị sớm vá lại.'),
    t('Đường bê tông {noi} bị nứt vỡ, sụt lún một đoạn dài, xe tải nặng vẫn đi qua hằng ngày.'),
    t('Nắp cống trên đường {duong} {noi} bị vỡ, lõm xuống mặt đường, rất nguy hiểm vào ban đêm.'),
    t('Cầu bê tông nhỏ {noi} bị bong lan can, mặt cầu lộ cốt thép, học sinh đi qua hằng ngày.'),
    t('Sau đợt mưa lớn, mặt đường {noi} bị xói lở mép đường, lề đường sụt sâu gần 1 m.'),
  ],
  'den-chieu-sang': [
    t('Cả dãy đèn đường {noi} không sáng {thoi}, buổi tối rất tối, người dân đi lại khó khăn.'),
    t('Đèn chiếu sáng {noi} lúc sáng lúc tắt, chập chờn cả đêm.'),
    t('Cột đèn {noi} bị nghiêng, có nguy cơ đổ xuống đường, dây điện lộ ra ngoài.'),
    t('Đèn đường trên tuyến {duong} {noi} vẫn bật sáng cả ban ngày, lãng phí điện.'),
    t('Hai bóng đèn {noi} bị cháy {thoi}, đoạn này gần trường học nên rất cần sửa sớm.'),
  ],
  'via-he-lan-chiem': [
    t('Nhiều hộ kinh doanh {noi} bày hàng kín vỉa hè, người đi bộ phải đi xuống lòng đường.'),
    t('Quán nhậu {noi} kê bàn ghế lấn ra lòng đường {duong} vào buổi tối, gây ùn tắc.'),
    t('Vật liệu xây dựng (cát, gạch) đổ chiếm gần nửa lòng đường {noi} {thoi}, không có biển cảnh báo.'),
    t('Ô tô đỗ thường xuyên trên vỉa hè {noi}, che khuất lối vào nhà dân.'),
    t('Chợ tạm họp tràn ra đường {duong} {noi} mỗi sáng, xe cộ không đi qua được.'),
  ],
  'an-toan-giao-thong': [
    t('Biển báo giao lộ {noi} bị gãy đổ, lái xe không biết đường ưu tiên.'),
    t('Đèn tín hiệu giao thông tại ngã tư {noi} bị hỏng {thoi}, chỉ nháy vàng, rất dễ xảy ra va chạm.'),
    t('Khúc cua {noi} bị cây che khuất tầm nhìn, đã xảy ra nhiều vụ va chạm.'),
    t('Có đá và cây đổ nằm giữa đường {duong} {noi}, xe đi ban đêm rất nguy hiểm.'),
    t('Gờ giảm tốc {noi} bị bong tróc, xe máy đi qua bị xóc mạnh.'),
  ],
  'rac-thai-ve-sinh': [
    t('Rác thải sinh hoạt tồn đọng {noi} {thoi}, bốc mùi hôi thối, ruồi nhặng nhiều.'),
    t('Có người đổ trộm rác thải xây dựng {noi} vào ban đêm, chất thành đống lớn.'),
    t('Xe thu gom rác không đến {noi} {thoi}, các hộ dân phải để rác trước cửa.'),
    t('Xác động vật chết trôi dạt {noi}, bốc mùi nặng, đề nghị xử lý sớm.'),
    t('Nhà vệ sinh công cộng {noi} mất vệ sinh, không có nước, cửa hỏng.'),
    t('Bãi rác tự phát hình thành {noi}, ngày càng lan rộng ra mép đường {duong}.'),
  ],
  'ngap-ung-thoat-nuoc': [
    t('Mưa lớn làm nước ngập sâu {noi}, xe máy chết máy hàng loạt, nước tràn vào nhà dân.', { muc_do: 'nghiem_trong' }),
    t('Cống thoát nước {noi} bị tắc {thoi}, mỗi khi mưa là nước ứ đọng cả tuyến {duong}.', { muc_do: 'trung_binh' }),
    t('Hố ga {noi} bị mất nắp, nước ngập che mất miệng hố, rất nguy hiểm cho người đi đường.', { muc_do: 'nghiem_trong' }),
    t('Nước lũ lên nhanh, đường {duong} {noi} bị chia cắt, nhiều hộ dân bị cô lập.', { muc_do: 'nghiem_trong' }),
    t('Mương thoát nước {noi} đầy rác và bùn, nước không thoát được, bốc mùi hôi.', { muc_do: 'nhe' }),
    t('Bờ sông {noi} bị sạt lở sau đợt lũ, vết sạt ăn sâu vào sát nhà dân.', { muc_do: 'nghiem_trong' }),
  ],
  'o-nhiem-moi-truong': [
    t('Xưởng sản xuất {noi} xả khói bụi suốt ngày đêm, người dân xung quanh bị ho, khó thở.', { loai_o_nhiem: ['khong_khi'] }),
    t('Cơ sở chăn nuôi {noi} xả nước thải chưa xử lý ra mương, mùi hôi nồng nặc.', { loai_o_nhiem: ['nuoc', 'khong_khi'] }),
    t('Tiếng ồn từ xưởng cưa gỗ {noi} kéo dài đến khuya, ảnh hưởng giấc ngủ người dân.', { loai_o_nhiem: ['tieng_on'] }),
    t('Có hiện tượng đốt rác, đốt rơm rạ {noi}, khói bay vào khu dân cư.', { loai_o_nhiem: ['khong_khi'] }),
    t('Nước thải từ khu chế biến hải sản {noi} chảy tràn ra đường {duong}, ngấm xuống đất.', { loai_o_nhiem: ['nuoc', 'dat'] }),
  ],
  'cay-xanh': [
    t('Cây xanh {noi} bị gãy cành lớn sau mưa gió, đổ chắn ngang đường {duong}.'),
    t('Cây lâu năm {noi} bị nghiêng, rễ bật lên, có nguy cơ đổ vào nhà dân.'),
    t('Cành cây {noi} vướng vào đường dây điện, đề nghị cắt tỉa.'),
    t('Cây đổ {noi} {thoi} nhưng chưa được dọn, chiếm một nửa lòng đường.'),
  ],
  'thien-tai': [
    t('Nước lũ dâng cao {noi}, nhiều hộ dân chưa kịp di dời tài sản, cần hỗ trợ khẩn cấp.', { muc_do: 'nghiem_trong' }),
    t('Sạt lở đất {noi} vùi lấp một đoạn đường {duong}, xe không qua lại được.', { muc_do: 'nghiem_trong' }),
    t('Khu dân cư {noi} bị cô lập do lũ, thiếu nước uống và lương thực.', { muc_do: 'nghiem_trong' }),
    t('Vết nứt lớn xuất hiện trên sườn đồi {noi}, có nguy cơ sạt lở xuống nhà dân phía dưới.', { muc_do: 'trung_binh' }),
    t('Gió lốc làm tốc mái nhiều nhà {noi}, cần lực lượng hỗ trợ khắc phục.', { muc_do: 'trung_binh' }),
  ],
  'trat-tu-cong-cong': [
    t('Nhóm thanh niên tụ tập đua xe trên đường {duong} {noi} vào ban đêm, nẹt pô gây ồn.'),
    t('Quán karaoke {noi} hát đến quá 23 giờ mỗi ngày, ảnh hưởng nghiêm trọng đến người dân.'),
    t('Có đối tượng gây rối, say xỉn đánh nhau {noi} vào tối qua.'),
    t('Loa kéo hát to {noi} đến khuya, đã nhắc nhở nhưng không chấp hành.'),
  ],
  'an-ninh': [
    t('Liên tục xảy ra trộm cắp xe máy, tài sản {noi} {thoi}.'),
    t('Nghi có tụ điểm cờ bạc {noi}, nhiều người lạ ra vào vào ban đêm.'),
    t('Phát hiện bơm kim tiêm vứt bừa bãi {noi}, nghi có người sử dụng ma túy.'),
    t('Có người lạ đi dò xét từng nhà {noi}, người dân lo ngại mất trộm.'),
  ],
  'xay-dung-trai-phep': [
    t('Một hộ dân {noi} đang xây nhà vượt số tầng, lấn ra phần đất công.'),
    t('Công trình {noi} thi công không có biển báo giấy phép xây dựng, làm cả ban đêm.'),
    t('Có người dựng lán tạm kiên cố trên hành lang đường {duong} {noi}.'),
    t('Công trình xây dựng {noi} không che chắn, vật liệu rơi xuống đường, bụi bay mù mịt.'),
  ],
  'dat-dai': [
    t('Đất công {noi} bị một số hộ rào chiếm làm vườn riêng {thoi}.'),
    t('Đất nông nghiệp {noi} bị san lấp, chuyển sang xây dựng nhà ở trái phép.'),
    t('Tranh chấp ranh giới đất giữa hai hộ {noi} kéo dài, đề nghị chính quyền giải quyết.'),
    t('Có hiện tượng khai thác cát, đất trái phép {noi}, xe chở đất chạy suốt đêm.'),
  ],
  'an-toan-thuc-pham': [
    t('Cơ sở bán đồ ăn sáng {noi} chế biến mất vệ sinh, nhiều người ăn bị đau bụng.'),
    t('Quầy hàng {noi} bán thực phẩm không rõ nguồn gốc, không có hạn sử dụng.'),
    t('Cơ sở giết mổ gia súc {noi} hoạt động không phép, xả thải ra mương.'),
    t('Bếp ăn căng tin trường học {noi} có dấu hiệu mất vệ sinh, phụ huynh lo lắng.'),
  ],
  dien: [
    t('Khu vực {noi} mất điện {thoi}, chưa có thông báo khi nào có điện lại.'),
    t('Dây điện {noi} bị võng thấp sát đầu người, rất nguy hiểm khi trời mưa.'),
    t('Tủ điện {noi} bốc khói, có tia lửa, nguy cơ chập cháy.'),
    t('Điện áp yếu {noi} vào buổi tối, các thiết bị điện không hoạt động được.'),
  ],
  'nuoc-sach': [
    t('Các hộ dân {noi} mất nước sinh hoạt {thoi}.'),
    t('Nước máy {noi} có màu vàng đục và mùi lạ {thoi}.'),
    t('Đường ống nước {noi} bị vỡ, nước chảy tràn ra đường {duong} gây lãng phí.'),
    t('Áp lực nước {noi} rất yếu, các hộ ở cuối tuyến không có nước dùng.'),
  ],
  'vien-thong': [
    t('Cáp viễn thông {noi} chằng chịt, có đoạn võng sát mặt đường, vướng xe tải.'),
    t('Cột cáp {noi} bị nghiêng, cáp rơi xuống vỉa hè {thoi}.'),
    t('Khu vực {noi} sóng điện thoại rất yếu, thường xuyên mất sóng.'),
    t('Hộp cáp viễn thông {noi} bị bung nắp, dây cáp lòi ra ngoài.'),
  ],
  'thai-do-can-bo': [
    t('Cán bộ tiếp dân tại {noi} có thái độ thiếu tôn trọng, gây khó dễ khi người dân hỏi thông tin.'),
    t('Hồ sơ nộp {noi} bị yêu cầu bổ sung nhiều lần, mỗi lần một giấy tờ khác nhau.'),
    t('Cán bộ bộ phận một cửa {noi} thường xuyên vắng mặt trong giờ làm việc.'),
  ],
  'thu-tuc-hanh-chinh': [
    t('Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp {noi} đã quá hạn nhưng chưa có kết quả.'),
    t('Dịch vụ công trực tuyến không nộp được hồ sơ {thoi}, hệ thống báo lỗi.'),
    t('Thủ tục đăng ký thường trú {noi} bị trả lại mà không nêu rõ lý do.'),
    t('Người dân phải chờ rất lâu tại bộ phận một cửa {noi}, không có số thứ tự.'),
  ],
  'y-te-giao-duc': [
    t('Trạm y tế {noi} thiếu thuốc thông thường, người dân phải đi xa để mua.'),
    t('Phòng học của trường {noi} bị dột nát, mưa là học sinh phải nghỉ.'),
    t('Sân trường {noi} bị ngập nước và đọng bùn sau mưa, học sinh đi lại khó khăn.'),
    t('Nhà vệ sinh trường học {noi} xuống cấp, không có nước sạch.'),
  ],
  khac: [
    t('Chó thả rông {noi} không rọ mõm, đã cắn người đi đường.'),
    t('Biển quảng cáo lớn {noi} bị gió làm bong, có nguy cơ rơi xuống đường.'),
    t('Khu vui chơi trẻ em {noi} có nhiều thiết bị hư hỏng, gỉ sét.'),
    t('Đề nghị bố trí thêm thùng rác công cộng {noi}.'),
  ],
};

/** Wording for a category this list does not know (a category the province added itself). */
export const GENERIC_DESCRIPTIONS: DescriptionTemplate[] = [
  t('Đề nghị cơ quan chức năng kiểm tra, xử lý tình trạng {noi} {thoi}.'),
  t('Người dân phản ánh sự việc {noi}, đã kéo dài {thoi} mà chưa được giải quyết.'),
];

export const RESULTS: Record<string, string[]> = {
  'hu-hong-duong': ['Đã vá ổ gà bằng bê tông nhựa, hoàn trả mặt đường.', 'Đã cắm biển cảnh báo và sửa chữa đoạn đường hư hỏng.', 'Đơn vị quản lý đường đã thay nắp cống và gia cố mặt đường.'],
  'den-chieu-sang': ['Đã thay bóng đèn và kiểm tra toàn tuyến, đèn đã sáng bình thường.', 'Đã dựng lại cột đèn và bọc lại dây điện.', 'Đã chỉnh lại bộ hẹn giờ tủ điều khiển chiếu sáng.'],
  'via-he-lan-chiem': ['Tổ trật tự đô thị đã nhắc nhở, lập biên bản và yêu cầu các hộ dọn dẹp.', 'Đã ra quân giải tỏa, trả lại vỉa hè cho người đi bộ.'],
  'an-toan-giao-thong': ['Đã thay biển báo mới.', 'Đã sửa chữa đèn tín hiệu, hoạt động bình thường trở lại.', 'Đã dọn dẹp vật cản, phát quang tầm nhìn tại khúc cua.'],
  'rac-thai-ve-sinh': ['Đã thu gom, vận chuyển toàn bộ rác tồn đọng và phun khử khuẩn.', 'Đã dọn dẹp, lắp camera và biển cấm đổ rác.', 'Đã điều chỉnh lịch thu gom rác của tuyến.'],
  'ngap-ung-thoat-nuoc': ['Đã nạo vét cống, khơi thông dòng chảy.', 'Đã đậy nắp hố ga và đặt biển cảnh báo.', 'Đã bố trí lực lượng trực, hướng dẫn phân luồng và hỗ trợ người dân di dời.', 'Đã kè tạm bằng bao cát, cắm biển cảnh báo khu vực sạt lở.'],
  'o-nhiem-moi-truong': ['Đã kiểm tra, lập biên bản vi phạm và yêu cầu cơ sở khắc phục.', 'Đã lấy mẫu quan trắc; cơ sở đã lắp hệ thống xử lý khí thải.', 'Đã nhắc nhở, yêu cầu cơ sở chỉ hoạt động trong giờ quy định.'],
  'cay-xanh': ['Đã cắt tỉa, dọn cây gãy đổ và thông tuyến.', 'Đã hạ cây có nguy cơ đổ và trồng cây thay thế.'],
  'thien-tai': ['Đã huy động lực lượng xung kích hỗ trợ di dời người và tài sản.', 'Đã thông đường tạm, đặt biển cảnh báo sạt lở.', 'Đã cấp nước uống, mì tôm cho các hộ bị cô lập.'],
  'trat-tu-cong-cong': ['Công an đã đến kiểm tra, nhắc nhở và xử phạt vi phạm.', 'Đã tăng cường tuần tra vào ban đêm trên tuyến đường.'],
  'an-ninh': ['Công an đã xác minh, tăng cường tuần tra khu vực.', 'Đã triệt xóa tụ điểm, xử lý các đối tượng theo quy định.'],
  'xay-dung-trai-phep': ['Đã lập biên bản, đình chỉ thi công và yêu cầu tháo dỡ phần sai phép.', 'Đã kiểm tra; công trình có giấy phép, đã yêu cầu treo biển báo và che chắn.'],
  'dat-dai': ['Đã kiểm tra hiện trạng, lập biên bản và yêu cầu trả lại đất công.', 'Đã tổ chức hòa giải tại cơ sở, hai bên thống nhất ranh giới.'],
  'an-toan-thuc-pham': ['Đoàn kiểm tra liên ngành đã kiểm tra, xử phạt và yêu cầu cơ sở khắc phục.', 'Đã tiêu hủy hàng hóa không rõ nguồn gốc.'],
  dien: ['Điện lực đã khắc phục sự cố, cấp điện trở lại.', 'Đã căng lại dây, nâng độ cao đường dây.', 'Đã thay thiết bị trong tủ điện.'],
  'nuoc-sach': ['Đã sửa chữa đường ống, cấp nước trở lại.', 'Đã súc xả đường ống; kết quả xét nghiệm mẫu nước đạt quy chuẩn.'],
  'vien-thong': ['Doanh nghiệp viễn thông đã thu hồi cáp thừa, bó gọn cáp.', 'Đã dựng lại cột và treo cáp đúng độ cao.'],
  'thai-do-can-bo': ['Đã kiểm điểm, nhắc nhở cán bộ; lãnh đạo đơn vị đã xin lỗi người dân.', 'Đã chấn chỉnh lịch trực tại bộ phận một cửa.'],
  'thu-tuc-hanh-chinh': ['Hồ sơ đã được giải quyết, người dân đã nhận kết quả.', 'Đã hướng dẫn người dân bổ sung hồ sơ đầy đủ một lần.'],
  'y-te-giao-duc': ['Đã bổ sung cơ số thuốc cho trạm y tế.', 'Đã sửa chữa mái, chống dột phòng học.'],
  khac: ['Đã chuyển đơn vị chức năng kiểm tra, xử lý.', 'Đã kiểm tra và khắc phục.'],
};
export const GENERIC_RESULTS = ['Đã kiểm tra và xử lý theo quy định.', 'Đơn vị đã khắc phục xong.'];

export const NOT_FIXED_REASONS = [
  'Cần bố trí kinh phí; đã đưa vào kế hoạch sửa chữa năm sau.',
  'Công trình đang trong thời gian bảo hành, đã yêu cầu nhà thầu khắc phục.',
  'Đã kiểm tra nhưng không phát hiện vi phạm như phản ánh.',
  'Vượt khả năng xử lý của địa phương, đã báo cáo cấp trên.',
  'Không liên lạc được người phản ánh để xác minh vị trí.',
];

export const NOT_OURS_REASONS: Record<string, string> = {
  dien: 'Thuộc trách nhiệm của Công ty Điện lực; đã chuyển thông tin để xử lý.',
  'vien-thong': 'Cáp thuộc doanh nghiệp viễn thông; đã đề nghị doanh nghiệp xử lý.',
  'nuoc-sach': 'Thuộc phạm vi của công ty cấp nước; đã chuyển thông tin để xử lý.',
};
export const GENERIC_NOT_OURS = [
  'Không thuộc thẩm quyền; đã hướng dẫn người dân liên hệ cơ quan có thẩm quyền.',
  'Vị trí thuộc địa bàn quản lý của đơn vị khác; đã chuyển thông tin.',
  'Là tranh chấp dân sự, thuộc thẩm quyền của Tòa án; đã hướng dẫn người dân.',
];

export const REFUSE_REASONS = [
  'Nội dung không rõ ràng, thiếu vị trí cụ thể để xác minh.',
  'Không phải phản ánh hiện trường; đề nghị gửi đơn khiếu nại theo thủ tục riêng.',
  'Ảnh và nội dung không đúng với hiện trường.',
  'Nội dung phản ánh đã được giải quyết dứt điểm trước đó.',
];

export const DUPLICATE_REASON = 'Trùng nội dung với phản ánh đã tiếp nhận trước đó.';

export const TRANSFER_REASONS = ['Thuộc thẩm quyền giải quyết của địa phương.', 'Chuyển UBND cấp xã nơi xảy ra sự việc xử lý.'];

export const REOPEN_REASONS = ['Sự việc tái diễn sau vài ngày.', 'Mới xử lý tạm, chưa triệt để.', 'Kết quả chưa đúng như báo cáo.'];

export const RATING_COMMENTS: Record<number, string[]> = {
  5: ['Xử lý rất nhanh, cảm ơn cán bộ.', 'Hài lòng, cảm ơn chính quyền.', 'Cảm ơn các anh đã đến ngay trong ngày.'],
  4: ['Đã xử lý tốt, tuy hơi chậm.', 'Ổn, mong duy trì thường xuyên.'],
  3: ['Xử lý được nhưng mất nhiều ngày.', 'Tạm được.'],
  2: ['Xử lý chậm, chưa triệt để.', 'Chỉ khắc phục tạm thời.'],
  1: ['Không thấy thay đổi gì.', 'Rất chậm, phải phản ánh nhiều lần.'],
};

export const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Hùng Vương', 'Quang Trung', 'Nguyễn Trãi', 'Lý Thường Kiệt', 'Hai Bà Trưng', 'Phan Bội Châu',
  'Nguyễn Du', 'Lê Duẩn', 'Trường Chinh', 'Nguyễn Huệ', 'Điện Biên Phủ', 'Võ Thị Sáu', 'Tôn Đức Thắng', 'Hàm Nghi',
];
export const VILLAGE_PARTS = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Thôn 5', 'Thôn 6', 'Thôn Đông', 'Thôn Tây', 'Thôn Trung', 'Thôn Nam', 'Thôn Bắc', 'Thôn Tân Lập', 'Bản Mới'];
export const LANDMARKS = ['gần chợ', 'cạnh trường tiểu học', 'trước cổng trường mầm non', 'gần nhà văn hóa', 'ở đầu cầu', 'gần trạm y tế', 'ở ngã ba', 'cạnh nhà thờ họ', 'gần bến xe', 'trước cửa hàng tạp hóa'];
/** Used after the word "đường" (road): "đường liên thôn", "đường Quốc lộ 9". */
export const ROADS_RURAL = ['liên thôn', 'liên xã', 'ven sông', 'ra đồng', 'bê tông nội đồng', 'Quốc lộ 1', 'Quốc lộ 9', 'Hồ Chí Minh', 'tỉnh lộ'];
export const SINCE = ['từ sáng nay', 'đã mấy ngày nay', 'hơn một tuần nay', 'từ tối qua', 'gần một tháng nay', 'từ đầu tuần', 'nhiều ngày nay'];

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Thu', 'Xuân'];
