import { CopyButton } from '../ui/CopyButton.js';
import { useIotT } from './i18n/index.js';

/** A device token, shown this once: the server keeps only its hash. */
export function TokenReveal({ code, token }: { code: string; token: string }) {
  const t = useIotT();
  return (
    <div class="alert alert--warning stack" role="alert">
      <p>
        <strong>{t('token.warning')}</strong>
      </p>
      <p>{t('token.how', { code })}</p>
      <code id="iot-token" class="secret" data-token>
        {token}
      </code>
      <CopyButton text={token} targetId="iot-token" />
    </div>
  );
}
