import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RenderInput } from './forms/common.js';
import { renderReceipt } from './forms/receipt.js';
import { renderRefusal } from './forms/refusal.js';
import { FormPdf } from './pdf.js';
import { pdfText } from './pdf-text.js';

// The fonts are parsed once per process (pdf.ts); these prove no document's output depends on the ones before it.
// The first test must be the first to draw any text in this process (each test file runs in its own).

const agency = { id: 'a', code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', address: 'Số 2 Hùng Vương, Đồng Hới', phone: '0232 3822 000' };
const at = new Date('2026-03-02T09:15:00+07:00');

/** A receipt's input held in memory (no database): the renderers draw only from it. */
function receiptInput(code: string, name: string): RenderInput {
  return {
    data: {
      dossier: {
        id: code,
        code,
        procedure_code: '1.009432',
        applicant: { name, idNumber: '044190000123', phone: '0912345678', address: 'Số 5 Lý Thường Kiệt, Phường Đồng Hới' },
        received_at: at,
        due_at: new Date('2026-03-20T17:00:00+07:00'),
        due_explanation: { vi: '15 ngày làm việc kể từ ngày tiếp nhận.', en: '15 working days from receipt.' },
        fee_total: 150000,
        fee_status: 'unpaid',
        payment_reference: 'DVC12345678',
      },
      version: { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', version: 1, components: [{ code: 'TK', name: 'Tờ khai đề nghị cấp giấy phép', kind: 'original', count: 1, required: true }], fees: [], time_amount: 15, time_unit: 'working_days', process: [], result_name: 'Giấy phép' },
      receiving: agency,
      handling: agency,
      components: [{ component_code: 'TK', kind: 'original' }],
    },
    extras: { reasons: ['Hồ sơ thiếu bản vẽ; đề nghị bổ sung ỹ ẵ ẫ ữ ỡ ự ậ ặ ợ ộ ệ ị ọ ụ ỵ'] },
    number: '12/TN-TTPVHCC',
    issuedAt: at,
    issuer: agency,
    signerName: 'Trần Văn Bình',
    publicUrl: 'https://dichvucong.example.vn',
  } as unknown as RenderInput;
}

test('text stays readable in a document that follows one where its letters were only parts of accented ones', async () => {
  const meta = { title: 'Thử', subject: 'Thử', keywords: [], author: 'Thử', createdAt: at };
  // Only accented letters: the subset of this document holds e, a, u, o, y… as parts of ệ, ặ, ự, ộ, ỵ, never on their own.
  const before = new FormPdf(meta).paragraph('ỹ ẵ ẫ ữ ỡ ự ậ ặ ợ ộ ệ ị ọ ụ ỵ', { italic: true });
  await before.finish();
  const later = new FormPdf(meta).paragraph('Người thử leader: Lê Văn Duệ, yêu cầu bổ sung', { italic: true });
  const text = pdfText(await later.finish()).replace(/\s+/g, ' ');
  assert.ok(text.includes('Người thử leader: Lê Văn Duệ, yêu cầu bổ sung'), text);
  const receipt = pdfText(await renderReceipt(receiptInput('TTPVHCC-260302-0005', 'Hoàng Ước'))).replace(/\s+/g, ' ');
  for (const fact of ['Hoàng Ước', 'TTPVHCC-260302-0005', 'Cấp giấy phép xây dựng nhà ở riêng lẻ']) assert.ok(receipt.includes(fact), fact);
});

test('a document is byte for byte the same whether it is the first rendered in the process or follows others', async () => {
  const input = receiptInput('TTPVHCC-260302-0001', 'Nguyễn Thị Hoà');
  const first = await renderReceipt(input);
  await renderRefusal(receiptInput('TTPVHCC-260302-0002', 'Đặng Văn Ước'));
  await renderReceipt(receiptInput('TTPVHCC-260302-0003', 'Phạm Quỳnh Ẩn'));
  const again = await renderReceipt(input);
  assert.equal(again.length, first.length);
  assert.ok(again.equals(first), 'identical bytes');
});
