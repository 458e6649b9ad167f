/** The three Microsoft-side parts of the app registration, in the wizard's step style (admin's portal session). */
import { LOOPBACK_REDIRECT, NATIVE_CLIENT_REDIRECT } from '@shared/oauth/constants';
import { useTranslation } from 'react-i18next';

import { CopyValue } from '../ui/CopyValue';
import { Illustration } from '../ui/Illustration';
import { PortalActions } from '../ui/PortalActions';
import { Instructions, StepFacts } from '../ui/StepParts';
import { PartDone } from './PartDone';

export function RegisterPart() {
  return (
    <>
      <StepFacts identity="admin" whereKey="oauth:register.where" roleKey="oauth:register.role" />
      <Instructions k="oauth:register.instructions" testId="oauth-register-instructions" />
      <Illustration name="oauth-register" texts="oauth:register.figure" />
      {/* The deep link is unconfirmed (portal-links.ts); if Entra moved the blade, the instructions say where to click. */}
      <PortalActions linkId="entraAppRegistrations" identity="admin" labelKey="oauth:register.open" />
      <PartDone id="oauthRegister" />
    </>
  );
}

export function PlatformPart() {
  const { t } = useTranslation('oauth');
  return (
    <>
      <StepFacts identity="admin" whereKey="oauth:platform.where" />
      <Instructions k="oauth:platform.instructions" />
      <div className="copy-values">
        <CopyValue
          label={t('platform.loopback')}
          display={<code>{LOOPBACK_REDIRECT}</code>}
          source={{ text: LOOPBACK_REDIRECT }}
        />
        <CopyValue
          label={t('platform.native')}
          display={<code>{NATIVE_CLIENT_REDIRECT}</code>}
          source={{ text: NATIVE_CLIENT_REDIRECT }}
        />
      </div>
      <Illustration name="oauth-platform" texts="oauth:platform.figure" />
      <PartDone id="oauthPlatform" />
    </>
  );
}

export function PermissionsPart() {
  return (
    <>
      <StepFacts identity="admin" whereKey="oauth:permissions.where" roleKey="oauth:permissions.role" />
      <Instructions k="oauth:permissions.instructions" />
      <Illustration name="oauth-permissions" texts="oauth:permissions.figure" />
      <PortalActions linkId="entraAppRegistrations" identity="admin" labelKey="oauth:register.open" />
      <PartDone id="oauthPermissions" />
    </>
  );
}
