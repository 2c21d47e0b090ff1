/**
 * Demo rows of the routing table (Decree 118/2025), clearly demo (`is_demo`): building permits for
 * class I and II works are the Department of Construction's, but works inside an economic zone are
 * permitted by the Economic Zone Management Board as the province delegates it. Cửa Việt (the
 * South-East Quảng Trị economic zone) and Phú Trạch (Hòn La economic zone) stand for such communes;
 * the choice of communes is a demo value.
 */
export const DEMO_ROUTES: Array<{ procedureCode: string; communeCode: string | null; agencyCode: string; note: string }> = [
  { procedureCode: 'QT-DEMO-04', communeCode: '19496', agencyCode: 'BQLKKT', note: 'Demo: công trình trong Khu kinh tế Đông Nam Quảng Trị do Ban Quản lý Khu kinh tế cấp phép.' },
  { procedureCode: 'QT-DEMO-04', communeCode: '19021', agencyCode: 'BQLKKT', note: 'Demo: công trình trong Khu kinh tế Hòn La do Ban Quản lý Khu kinh tế cấp phép.' },
];
