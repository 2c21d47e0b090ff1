/** Addresses of the citizen pages the mails point to (paths of the web app, under PUBLIC_URL). */
export const CONFIRM_PATH = '/phan-anh/theo-doi/xac-nhan';
export const UNSUBSCRIBE_PATH = '/phan-anh/theo-doi/huy';

export const confirmLink = (publicUrl: string, token: string) => `${publicUrl}${CONFIRM_PATH}?token=${token}`;
export const unsubscribeLink = (publicUrl: string, token: string) => `${publicUrl}${UNSUBSCRIBE_PATH}?token=${token}`;
export const reportPath = (trackingCode: string) => `/phan-anh/${encodeURIComponent(trackingCode)}`;
/** The API address a mail client POSTs to for RFC 8058 one-click unsubscribe (List-Unsubscribe). */
export const oneClickUnsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/feedback/subscriptions/unsubscribe?token=${token}`;
