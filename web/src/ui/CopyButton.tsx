import { useState } from 'preact/hooks';
import { useT } from '../lib/i18n.js';

/** Copies `text`; falls back to selecting the element `targetId` where the clipboard API is missing. */
export function CopyButton({ text, targetId }: { text: string; targetId: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const el = document.getElementById(targetId);
      if (el) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    }
  }
  return (
    <button type="button" class="btn btn--small" onClick={() => void copy()}>
      {copied ? t('action.copied') : t('action.copy')}
      <span class="visually-hidden" role="status">
        {copied ? t('action.copied') : ''}
      </span>
    </button>
  );
}
