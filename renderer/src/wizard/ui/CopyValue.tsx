/**
 * A labelled value with a Copy button. Copying goes through main (the clipboard belongs to the OS, and the
 * app password never reaches the renderer: `secret` copies the profile's saved one and main clears it again).
 */
import { call } from '@renderer/bridge/call';
import { host } from '@renderer/bridge/host';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckIcon, CopyIcon } from './icons';

/**
 * `copy`: main copies a value only it holds (the bridge's password, say); its answer says when the clipboard is
 * cleared again, if ever. null means it could not copy.
 */
type Source = { text: string } | { secretOf: string } | { copy: () => Promise<{ clearsAt?: string } | null> };

export function CopyValue(props: {
  label: string;
  display: ReactNode;
  source: Source;
  note?: ReactNode;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('wizard');
  // A flag, not the text: the confirmation follows a language switch.
  const [copied, setCopied] = useState(false);
  const [clearsAt, setClearsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (clearsAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [clearsAt]);

  const copy = async () => {
    if ('text' in props.source) {
      const { text } = props.source;
      const r = await call(() => host.copyToClipboard({ text }));
      setCopied(r.ok);
      setClearsAt(null);
    } else if ('copy' in props.source) {
      const r = await props.source.copy();
      setClearsAt(r?.clearsAt ? Date.parse(r.clearsAt) : null);
      setNow(Date.now());
      setCopied(Boolean(r && !r.clearsAt));
    } else {
      const profileId = props.source.secretOf;
      const r = await call(() => host.copySecretToClipboard({ profileId }));
      if (r.ok) {
        setClearsAt(Date.parse(r.value.clearsAt));
        setNow(Date.now());
      }
      setCopied(false);
    }
  };

  const secondsLeft = clearsAt === null ? null : Math.max(0, Math.ceil((clearsAt - now) / 1000));
  const status =
    secondsLeft === null
      ? copied
        ? t('agorum.copied')
        : ''
      : secondsLeft > 0
        ? t('agorum.copiedSecret', { seconds: secondsLeft })
        : t('agorum.secretCleared');

  return (
    <div className="copy-value" data-testid={props.testId}>
      <span className="copy-value-label">{props.label}</span>
      <span className="copy-value-display">{props.display}</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => void copy()}
        disabled={props.disabled}
        aria-label={t('agorum.copyLabel', { field: props.label })}
      >
        {status ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
        {t('agorum.copy')}
      </button>
      <span className="copy-value-status" role="status" aria-live="polite">
        {status}
      </span>
      {props.note && <span className="copy-value-note">{props.note}</span>}
    </div>
  );
}
