/**
 * Loaded with every citizen page, so it stays tiny: when reports wait in the outbox (a number in
 * localStorage says so), it loads the outbox code and sends them — now and whenever the network
 * comes back. Pages without waiting reports download nothing more.
 */
const PENDING_KEY = 'tinhso.feedback.pending'; // the same key as outbox.ts

function pending(): boolean {
  try {
    return Number(localStorage.getItem(PENDING_KEY) ?? '0') > 0;
  } catch {
    return false;
  }
}

function resume(): void {
  if (!pending() || navigator.onLine === false) return;
  import('./outbox.js').then(
    (outbox) => outbox.flushOutbox(),
    () => {
      /* the code could not be fetched (still offline): the next `online` event tries again */
    },
  );
}

export function resumeOutbox(): void {
  window.addEventListener('online', resume);
  resume();
}
