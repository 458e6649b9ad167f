import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AboutDialog } from './AboutDialog';

/** The header's entry to versions, licences, logs and the support package. */
export function AboutButton() {
  const { t } = useTranslation('support');
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        type="button"
        ref={opener}
        className="header-button"
        data-testid="about-open"
        onClick={() => setOpen(true)}
      >
        {t('about.open')}
      </button>
      {open && (
        <AboutDialog
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
