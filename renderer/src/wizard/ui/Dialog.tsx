/**
 * A modal dialog on the native <dialog> element: the rest of the page becomes inert, Esc closes, focus goes to
 * the first control inside and back to the opener afterwards. Tab and Shift+Tab wrap inside the dialog, so
 * keyboard focus never leaves it while it is open.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { CloseIcon } from './icons';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  actions?: ReactNode;
  size?: 'normal' | 'wide';
  testId?: string;
}) {
  const { t } = useTranslation('wizard');
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const { open, onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onNativeClose = () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
    dialog.addEventListener('close', onNativeClose);
    return () => dialog.removeEventListener('close', onNativeClose);
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${props.size ?? 'normal'}`}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Esc: let React state drive closing so `open` and the element never disagree.
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="dialog-box">
        <header className="dialog-header">
          <h2 id={titleId}>{props.title}</h2>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label={t('dialog.close')}
            title={t('dialog.close')}
            data-autofocus
          >
            <CloseIcon />
          </button>
        </header>
        <div className="dialog-body">{props.children}</div>
        {props.actions && <footer className="dialog-actions">{props.actions}</footer>}
      </div>
    </dialog>
  );
}
