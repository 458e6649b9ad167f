/**
 * The values for agorum core's mail adapter form, from the one definition of agorum's form on the bridge route
 * (E-Mail-Host = the bridge's address, E-Mail-Passwort = its local password), how the port is reached although the
 * form has none, and the printable setup report.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { serverType } from '@shared/bridge/server-type';
import { useTranslation } from 'react-i18next';

import { AgorumForm } from '../agorum/AgorumForm';
import { SetupReportExport } from '../agorum/SetupReportExport';
import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { type BridgeContext, BridgePage } from './BridgePage';

function Values({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const { goTo } = useNavigation();
  const toSetup = (
    <button type="button" className="button" onClick={() => goTo('bridgeSetup')}>
      {t('values.toSetup')}
    </button>
  );
  if (!bridge) {
    return (
      <Callout tone="info" testId="bridge-values-missing">
        <p>{t('values.notSetUp')}</p>
        {toSetup}
      </Callout>
    );
  }
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
        {!agorum.portIsStandard && toSetup}
      </Callout>
    </div>
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
