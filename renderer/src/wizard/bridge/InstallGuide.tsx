/**
 * The server installation for someone who avoids shells: one command per step, each with what it does and how to
 * tell it worked, and a Copy button. Linux (systemd) and Windows (WinSW service) as two tabs.
 */
import {
  INSTALL_SYSTEMS as SYSTEMS,
  installCommands,
  type InstallSystem as System,
} from '@shared/bridge/install-commands';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CopyValue } from '../ui/CopyValue';
import { Section } from '../ui/StepParts';

const STEPS_KEY = { linux: 'server.linuxSteps', windows: 'server.windowsSteps' } as const;

function Commands({ system, fileName }: { system: System; fileName: string }) {
  const { t } = useTranslation('bridge');
  // The steps are numbered objects in the catalogue; each part is looked up (and filled in) on its own.
  const lookup = t as unknown as (key: string, options?: Record<string, unknown>) => unknown;
  return (
    <ol className="install-steps" data-testid={`install-${system}`}>
      {installCommands(system, fileName).map((command, i) => {
        const at = (part: 'what' | 'worked') => String(lookup(`${STEPS_KEY[system]}.${i + 1}.${part}`));
        return (
          <li key={i} className="install-step">
            <CopyValue
              label={t('server.copyCommand')}
              display={<code className="install-command">{command}</code>}
              source={{ text: command }}
            />
            <p>
              <strong>{t('server.what')}</strong> {at('what')}
            </p>
            <p>
              <strong>{t('server.worked')}</strong> {at('worked')}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

export function InstallGuide({ fileName }: { fileName: string }) {
  const { t } = useTranslation('bridge');
  const [system, setSystem] = useState<System>('linux');
  const base = useId();
  return (
    <Section title={t('server.guideTitle')} testId="bridge-install-guide">
      <p>{t('server.guideIntro', { file: fileName })}</p>
      <div role="tablist" className="install-tabs" aria-label={t('server.guideTitle')}>
        {SYSTEMS.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`${base}-${s}-tab`}
            aria-selected={system === s}
            aria-controls={`${base}-${s}`}
            tabIndex={system === s ? 0 : -1}
            className={`install-tab${system === s ? ' install-tab-selected' : ''}`}
            onClick={() => setSystem(s)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const other = s === 'linux' ? 'windows' : 'linux';
              setSystem(other);
              document.getElementById(`${base}-${other}-tab`)?.focus();
            }}
          >
            {t(`server.${s}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${system}`} aria-labelledby={`${base}-${system}-tab`}>
        <Commands system={system} fileName={fileName} />
      </div>
      <p>{t('server.finally')}</p>
    </Section>
  );
}
