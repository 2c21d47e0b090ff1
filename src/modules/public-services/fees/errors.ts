import { errors } from '../../../platform/http/errors.js';

export const nothingDue = () => errors.conflict('nothing_due', 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.', 'Nothing is owed for this dossier.');
export const amountMismatch = (expected: number) =>
  errors.unprocessable('amount_mismatch', `Số tiền phải đúng bằng số phải nộp: ${expected} đồng.`, `The amount must equal what is owed: ${expected} VND.`);
