/**
 * The values for agorum core's mail adapter form, by its own field names, each with a Copy button; how the port is
 * reached although the form has none; and the printable setup report.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { serverType } from '@shared/bridge/server-type';
import type { BridgeValueField } from '@shared/ipc/channels/bridge';
import { useTranslation } from 'react-i18next';

import { SetupReportExport } from '../agorum/SetupReportExport';
import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { DoneBar } from '../ui/DoneBar';
import { Section } from '../ui/StepParts';
import { type BridgeContext, BridgePage } from './BridgePage';

function Values({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const { goTo } = useNavigation();
  const profileId = connection.profile.id;
  if (!bridge) {
    return (
      <Callout tone="info" testId="bridge-values-missing">
        <p>{t('values.notSetUp')}</p>
        <button type="button" className="button" onClick={() => goTo('bridgeSetup')}>
          {t('values.toSetup')}
        </button>
      </Callout>
    );
  }
  const { agorum, settings } = bridge;
  const copy = (field: BridgeValueField) => async () => {
    const r = await wizard.copyBridgeValue({ profileId, field });
    return r.ok ? { clearsAt: r.value.clearsAt } : null;
  };
  const passwordNote =
    settings.agorumRuns === 'server'
      ? t('values.passwordServer')
      : settings.passwordCopyable
        ? t('values.passwordCopy')
        : settings.passwordSet
          ? t('values.passwordGone')
          : t('values.passwordNone');
  const standard = serverType(agorum.serverType).port;
  return (
    <Section title={t('values.title')} testId="bridge-values">
      <div className="copy-values">
        <CopyValue
          label={t('values.fields.name')}
          display={<code>{connection.profile.displayName}</code>}
          source={{ text: connection.profile.displayName }}
          note={t('values.name', { name: connection.profile.displayName })}
          testId="bridge-copy-name"
        />
        <CopyValue
          label={t('values.fields.serverType')}
          display={<code>{agorum.serverTypeLabel}</code>}
          source={{ copy: copy('serverType') }}
          testId="bridge-copy-serverType"
        />
        <CopyValue
          label={t('values.fields.emailHost')}
          display={<code>{agorum.emailHost}</code>}
          source={{ copy: copy('emailHost') }}
          note={
            agorum.portIsStandard
              ? t('values.portStandard', { type: agorum.serverTypeLabel, port: agorum.port })
              : t('values.portOther', { type: agorum.serverTypeLabel, port: agorum.port, standard })
          }
          testId="bridge-copy-emailHost"
        />
        <CopyValue
          label={t('values.fields.emailPath')}
          display={<code>{agorum.emailPath}</code>}
          source={{ copy: copy('emailPath') }}
          testId="bridge-copy-emailPath"
        />
        <CopyValue
          label={t('values.fields.emailUser')}
          display={<code>{agorum.emailUser}</code>}
          source={{ copy: copy('emailUser') }}
          testId="bridge-copy-emailUser"
        />
        <CopyValue
          label={t('values.fields.emailPassword')}
          display={<code aria-hidden="true">••••••••••••••••••••••••</code>}
          source={{ copy: copy('password') }}
          disabled={!settings.passwordCopyable}
          note={passwordNote}
          testId="bridge-copy-password"
        />
      </div>
      {!agorum.portIsStandard && (
        <button type="button" className="button" onClick={() => goTo('bridgeSetup')}>
          {t('values.toSetup')}
        </button>
      )}
    </Section>
  );
}

export function ValuesStep() {
  return (
    <>
      <BridgePage
        leadKey="values.lead"
        render={(ctx) => (
          <>
            <Values {...ctx} />
            <SetupReportExport profile={ctx.connection.profile} textKey="bridge:values.reportText" />
          </>
        )}
      />
      <DoneBar stepId="bridgeValues" />
    </>
  );
}
