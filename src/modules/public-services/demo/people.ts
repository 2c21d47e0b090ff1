import type { Random } from '../../../platform/seeded-random.js';
import type { Applicant, ApplicantKind } from '../tables.js';

// Common Vietnamese family, middle and given names: demo applicants look real but are invented.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đoàn', 'Mai', 'Hà'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Hồng', 'Diệu'];
const GIVEN_MALE = ['Hùng', 'Dũng', 'Nam', 'Tuấn', 'Long', 'Phong', 'Quân', 'Hải', 'Sơn', 'Bình', 'Khánh', 'Trung', 'Lộc', 'Phúc', 'An'];
const GIVEN_FEMALE = ['Lan', 'Hương', 'Hoa', 'Mai', 'Linh', 'Trang', 'Hà', 'Ngân', 'Thảo', 'Vy', 'Nhung', 'Yến', 'Hằng', 'Oanh', 'Thủy'];
const TRADES = ['Tạp hóa', 'Cà phê', 'Sửa xe', 'Vật liệu xây dựng', 'Hải sản', 'Quán ăn', 'May mặc', 'Điện thoại', 'Nông sản'];
const COMPANY_WORDS = ['Thành Công', 'Miền Trung', 'Nhật Lệ', 'Hiền Lương', 'Trường Sơn', 'Bến Hải', 'Gio Linh', 'Sông Gianh', 'Cửa Việt'];
const STREETS = ['Lý Thường Kiệt', 'Trần Hưng Đạo', 'Quang Trung', 'Hùng Vương', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Phan Bội Châu'];
const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '083', '084', '085', '086', '088', '089', '090', '091', '093', '094', '096', '097', '098'];

function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

export function personName(rng: Random): string {
  const female = rng.chance(0.5);
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
}

/** An invented applicant (dữ liệu demo): citizen ID numbers start with Quảng Trị's province code 045/044. */
export function demoApplicant(rng: Random, kind: ApplicantKind, communeName: string): Applicant {
  const name = personName(rng);
  const base: Applicant = {
    name,
    idNumber: `04${rng.pick(['4', '5'])}${digits(rng, 9)}`,
    phone: `${rng.pick(MOBILE_PREFIXES)}${digits(rng, 7)}`,
    address: `Số ${rng.int(1, 250)} ${rng.pick(STREETS)}, ${communeName}, tỉnh Quảng Trị`,
  };
  if (rng.chance(0.45)) base.email = `demo.${digits(rng, 8)}@example.vn`;
  if (kind === 'business') return { ...base, organisation: `Công ty TNHH ${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)}`, taxCode: `32${digits(rng, 8)}` };
  if (kind === 'household_business') return { ...base, organisation: `Hộ kinh doanh ${rng.pick(TRADES)} ${name.split(' ').pop()}` };
  return base;
}
