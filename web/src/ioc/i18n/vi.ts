/** Texts of the operations centre (Vietnamese). */
export const vi = {
  'nav.overview': 'Tổng quan',
  'overview.title': 'Tổng quan toàn tỉnh',
  'overview.lead': 'Theo dõi trực tiếp các lĩnh vực, trên bản đồ, kèm cảnh báo.',
  'overview.updated': 'Cập nhật lúc {time}',
  'kpi.title': 'Chỉ số chính',
  'kpi.communes': 'Xã, phường, đặc khu',
  'kpi.feedback': 'Phản ánh mới hôm nay',
  'kpi.overdue': 'Hồ sơ quá hạn',
  'kpi.alerts': 'Cảnh báo cảm biến',
  'kpi.pending': 'Chờ phân hệ',
  'map.title': 'Bản đồ ranh giới xã, phường — {province}',
  'map.label': 'Bản đồ các xã, phường, đặc khu của {province}. Dùng danh sách bên cạnh để chọn bằng bàn phím.',
  'map.loading': 'Đang tải bản đồ…',
  'map.attribution': 'Ranh giới: © Thang Le Quoc (MIT), theo bản đồ hành chính sapnhap.bando.com.vn',
  'map.noBoundaries': 'Chưa có dữ liệu ranh giới cho đơn vị này.',
  'list.title': 'Danh sách đơn vị ({count})',
  'list.filter': 'Lọc theo tên',
  'list.selected': 'Đang chọn: {name}',
  'list.clear': 'Bỏ chọn',
  'type.ward': 'Phường',
  'type.commune': 'Xã',
  'type.special_zone': 'Đặc khu',
  'alerts.title': 'Cảnh báo',
  'alerts.none': 'Không có cảnh báo. Cảnh báo từ cảm biến IoT, phản ánh và hồ sơ quá hạn sẽ hiện ở đây khi các phân hệ được kết nối.',
};

export type IocMessages = typeof vi;
