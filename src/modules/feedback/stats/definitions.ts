/**
 * The published definition of every figure, sent with every statistics response so that a number is
 * never quoted without its formula and denominator. Keep in step with stats/README.md.
 */
export const STATS_DEFINITIONS = {
  vi: {
    period: 'Mỗi sự việc được tính vào ngày nó xảy ra (giờ Việt Nam), trong khoảng từ "from" đến "to" (tính cả hai ngày), cho cơ quan đang giữ phản ánh lúc đó, xã/phường nơi có sự việc và lĩnh vực của phản ánh.',
    received: 'Số phản ánh mới gửi đến trong kỳ (tính cho cơ quan được giao đầu tiên; chuyển cơ quan không tính lại).',
    accepted: 'Số lần tiếp nhận phản ánh trong kỳ.',
    resolved: 'Số kết quả xử lý đã trả trong kỳ; phản ánh bị mở lại rồi có kết quả mới thì được tính thêm một lần.',
    resolvedOnTime: 'Số kết quả trả không muộn hơn hạn xử lý của phản ánh.',
    onTimeRate: 'Tỷ lệ đúng hạn = kết quả đúng hạn / kết quả đã trả trong kỳ (từ 0 đến 1); để trống khi chưa có kết quả nào.',
    medianWorkingDays: 'Thời gian xử lý trung vị, tính bằng ngày làm việc từ ngày nhận phản ánh đến ngày trả kết quả (ngày đầu tiên là ngày làm việc sau ngày nhận; trả trong ngày là 0), theo lịch làm việc dùng để tính hạn của phản ánh. Với số kết quả chẵn là trung bình của hai giá trị giữa. Trên 30 ngày được tính là 31 ("hơn 30 ngày").',
    satisfaction: 'Mức hài lòng: count = số đánh giá người phản ánh đã gửi trong kỳ; average = số sao trung bình (1–5) của các đánh giá đó. Phản ánh không được đánh giá không được tính.',
    outcomes: 'Số phản ánh đóng trong kỳ theo kết quả: fixed (đã xử lý xong), notFixed (không xử lý được, có lý do), notOurs (không thuộc thẩm quyền, đã chuyển nơi khác), duplicate (trùng phản ánh khác), refused (từ chối tiếp nhận).',
    reopened: 'Số lần người phản ánh mở lại vì chưa được xử lý.',
  },
  en: {
    period: 'Each fact counts on the day it happened (Vietnam time), from "from" to "to" inclusive, for the agency holding the report at that moment, the commune of the place and the report\'s category.',
    received: 'New reports received in the period (for the agency first assigned; transfers are not counted again).',
    accepted: 'Acceptances of reports in the period.',
    resolved: 'Results given in the period; a reopened report given a new result counts again.',
    resolvedOnTime: 'Results given no later than the report\'s due date.',
    onTimeRate: 'On-time rate = results on time / results given in the period (0 to 1); empty when there is no result.',
    medianWorkingDays: 'Median handling time in working days from the day the report was received to the day of the result (the first day is the working day after receipt; a same-day result is 0), on the working calendar the report\'s deadline was computed with. With an even count, the mean of the two middle values. Times over 30 days count as 31 ("more than 30").',
    satisfaction: 'Satisfaction: count = ratings given by reporters in the period; average = their mean stars (1–5). Reports without a rating are not counted.',
    outcomes: 'Reports closed in the period by outcome: fixed, notFixed (could not be fixed, with a reason), notOurs (not this body\'s responsibility, sent on), duplicate (of another report), refused (refused at acceptance).',
    reopened: 'Times a reporter reopened a report as not fixed.',
  },
} as const;
