/**
 * The values for agorum core's mail adapter form, from the one definition of agorum's form on the bridge route
 * (E-Mail-Host = the bridge's address, E-Mail-Passwort = its local password), how the port is reached although the
 * form has none, and the printable setup report.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { BridgeView } from '@shared/bridge/host-view';
import { serverType } from '@shared/bridge/server-type';
import { useTranslation } from 'react-i18next';

import { AgorumForm } from '../agorum/AgorumForm';
import { SetupReportExport } from '../agorum/SetupReportExport';
import { Callout } from '../ui/Callout';
import { GoToStep } from '../ui/GoToStep';
import { type BridgeContext, BridgePage } from './BridgePage';

/** The form's values once the bridge is set up, else the way there; the setup report either way. */
function Values({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  return (
    <>
      {bridge ? (
        <ValuesForm connection={connection} bridge={bridge} />
      ) : (
        <Callout tone="info" testId="bridge-values-missing">
          <p>{t('values.notSetUp')}</p>
          <GoToStep step="bridgeSetup" label={t('values.toSetup')} />
        </Callout>
      )}
      <SetupReportExport profile={connection.profile} textKey="bridge:values.reportText" />
    </>
  );
}

function ValuesForm({ connection, bridge }: BridgeContext & { bridge: BridgeView }) {
  const { t } = useTranslation('bridge');
  const { agorum, settings } = bridge;
  const profileId = connection.profile.id;
  const copy = async () => {
    const r = await wizard.copyBridgeValue({ profileId, field: 'password' });
    return r.ok ? { clearsAt: r.value.clearsAt } : null;
  };
  const note =
    settings.agorumRuns === 'server'
      ? t('values.passwordServer')
      : settings.passwordCopyable
        ? t('values.passwordCopy')
        : settings.passwordSet
          ? t('values.passwordGone')
          : t('values.passwordNone');
  return (
    <div data-testid="bridge-values">
      <AgorumForm
        connection={connection}
        route={{ route: 'bridge', listenHost: agorum.emailHost, serverType: agorum.serverType, port: agorum.port }}
        bridgePassword={{ copyable: settings.passwordCopyable, copy, note }}
      />
      <Callout tone={agorum.portIsStandard ? 'info' : 'warning'} testId="bridge-port-note">
        <p>
          {agorum.portIsStandard
            ? t('values.portStandard', { type: agorum.serverTypeLabel, port: agorum.port })
            : t('values.portOther', {
                type: agorum.serverTypeLabel,
                port: agorum.port,
                standard: serverType(agorum.serverType).port,
              })}
        </p>
        {!agorum.portIsStandard && <GoToStep step="bridgeSetup" label={t('values.toSetup')} />}
      </Callout>
    </div>
  );
}

export function ValuesStep() {
  return <BridgePage leadKey="values.lead" render={(ctx) => <Values {...ctx} />} done={{ stepId: 'bridgeValues' }} />;
}
