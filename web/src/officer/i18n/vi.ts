/** Texts of the officer console (Vietnamese). */
export const vi = {
  'nav.queue': 'Hàng việc',
  'nav.feedback': 'Phản ánh',
  'nav.dossiers': 'Hồ sơ',
  'nav.devices': 'Thiết bị IoT',
  'nav.alarms': 'Cảnh báo',
  'nav.account': 'Tài khoản của tôi',
  'queue.title': 'Hàng việc của tôi',
  'queue.lead': 'Xin chào {name}. Đây là nơi bạn xử lý phản ánh và hồ sơ được giao, trong hạn.',
  'queue.agency': 'Cơ quan: {agency}',
  'queue.noAgency': 'Tài khoản chưa gắn với cơ quan nào.',
  'queue.empty': 'Chưa có việc nào trong hàng.',
  'queue.modulesLater': 'Hồ sơ một cửa sẽ được bổ sung; việc mới sẽ hiện ở đây, sắp theo hạn xử lý.',
  'queue.feedbackTitle': 'Phản ánh hiện trường',
  'queue.feedbackLead': 'Phản ánh của người dân chờ cơ quan tiếp nhận và xử lý, việc gấp nhất lên trước.',
  'queue.feedbackLink': 'Mở danh sách phản ánh cần xử lý',
  'queue.escalatedLink': 'Phản ánh quá hạn được báo lên cơ quan mình',
  'queue.stats': 'Tóm tắt',
  'queue.dueToday': 'Đến hạn hôm nay',
  'queue.overdue': 'Quá hạn',
  'queue.open': 'Đang mở',
  'queue.today': 'Hôm nay là {date}.',
  'soon.title': '{name} — sắp ra mắt',
  'soon.body': 'Phân hệ này đang được xây dựng. Khi hoàn thành, danh sách việc sẽ hiện trong Hàng việc.',
};

export type OfficerMessages = typeof vi;
