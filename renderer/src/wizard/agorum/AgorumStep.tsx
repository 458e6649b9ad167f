/**
 * Step 7: the tested values for agorum core's mail adapter, each with a Copy button (the app password is copied
 * by main from the keychain and cleared from the clipboard after 30 s), plus the printable setup report.
 */
import type { ConnectionView } from '@shared/wizard/view';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { useActive, useStatus } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { DoneBar } from '../ui/DoneBar';
import { Illustration } from '../ui/Illustration';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Instructions, Lead, Section } from '../ui/StepParts';
import { SetupReportExport } from './SetupReportExport';

function Values({ connection: { profile, appPassword: secret } }: { connection: ConnectionView }) {
  const { t } = useTranslation('wizard');
  return (
    <Section title={t('agorum.valuesTitle')} testId="agorum-values">
      <div className="copy-values">
        <CopyValue
          label={t('agorum.host')}
          display={<code>{profile.host}</code>}
          source={{ text: profile.host }}
          testId="copy-host"
        />
        <CopyValue
          label={t('agorum.port')}
          display={<code>{profile.port}</code>}
          source={{ text: String(profile.port) }}
          note={t('agorum.portNote')}
          testId="copy-port"
        />
        <CopyValue
          label={t('agorum.user')}
          display={<code>{profile.mailboxUser || '—'}</code>}
          source={{ text: profile.mailboxUser || ' ' }}
          disabled={!profile.mailboxUser}
          testId="copy-user"
        />
        <CopyValue
          label={t('agorum.password')}
          display={
            secret?.saved ? (
              <code aria-hidden="true">••••••••••••••••</code>
            ) : (
              <span className="muted">{t('agorum.noSecret')}</span>
            )
          }
          source={{ secretOf: profile.id }}
          disabled={!secret?.saved}
          testId="copy-password"
        />
      </div>
    </Section>
  );
}

export function AgorumStep() {
  const { t } = useTranslation('wizard');
  const { goTo } = useNavigation();
  const active = useActive();
  const profile = active?.profile;
  const tested = useStatus('test').status === 'done';
  return (
    <>
      <Lead>{t('agorum.lead')}</Lead>
      {profile && !tested && (
        <Callout tone="warning">
          <p>{t('agorum.notTested')}</p>
          <button type="button" className="button" onClick={() => goTo('test')}>
            {t('steps.test.title')}
          </button>
        </Callout>
      )}
      {active ? <Values connection={active} /> : <NeedsProfile />}
      <Section>
        <Instructions k="agorum.instructions" />
        <Illustration
          spec={{ name: 'agorum-mail-adapter', altKey: 'agorum.figureAlt', captionKey: 'agorum.figureCaption' }}
        />
      </Section>
      {profile && <SetupReportExport profile={profile} />}
      <DoneBar stepId="agorum" hintKey="agorum.doneHint" />
    </>
  );
}
