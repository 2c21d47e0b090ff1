/** The monthly report as an Excel workbook (exceljs): the same numbers as the JSON, one row each. */
import ExcelJS from 'exceljs';
import type { MonthlyReport, ReportFigures } from './monthly-report.js';

/** Column order of the figures, after "agency" and "procedure"; the test reads the workbook back by it. */
export const XLSX_COLUMNS: Array<{ header: string; value: (f: ReportFigures) => number }> = [
  { header: 'Kỳ trước chuyển sang', value: (f) => f.carriedOver },
  { header: 'Mới tiếp nhận', value: (f) => f.new.total },
  { header: 'Trực tuyến', value: (f) => f.new.online },
  { header: 'Trực tiếp', value: (f) => f.new.counter },
  { header: 'Bưu chính', value: (f) => f.new.post },
  { header: 'Đã giải quyết', value: (f) => f.finished.total },
  { header: 'Trước hạn', value: (f) => f.finished.early },
  { header: 'Đúng hạn', value: (f) => f.finished.onTime },
  { header: 'Quá hạn', value: (f) => f.finished.late },
  { header: 'Đang giải quyết', value: (f) => f.pending.total },
  { header: 'Trong hạn', value: (f) => f.pending.withinTime },
  { header: 'Quá hạn', value: (f) => f.pending.overdue },
];

/** The first data row (after the title, the period and the header). */
export const XLSX_FIRST_DATA_ROW = 4;

export async function monthlyReportXlsx(report: MonthlyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tỉnh Số';
  const sheet = workbook.addWorksheet(`Tháng ${report.month}`);
  const width = 2 + XLSX_COLUMNS.length;
  sheet.addRow(['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH']);
  sheet.addRow([`Kỳ báo cáo: ${report.label}`]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.addRow(['Cơ quan', 'Thủ tục', ...XLSX_COLUMNS.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const row of report.rows) {
    sheet.addRow([row.agency?.name ?? '—', `${row.procedure.code} – ${row.procedure.name}`, ...XLSX_COLUMNS.map((c) => c.value(row))]);
  }
  const totals = sheet.addRow(['Tổng cộng', '', ...XLSX_COLUMNS.map((c) => c.value(report.totals))]);
  totals.font = { bold: true };
  sheet.getColumn(1).width = 36;
  sheet.getColumn(2).width = 48;
  for (let i = 3; i <= width; i++) sheet.getColumn(i).width = 12;
  sheet.views = [{ state: 'frozen', ySplit: XLSX_FIRST_DATA_ROW - 1, xSplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
