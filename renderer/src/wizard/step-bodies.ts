import type { ComponentType } from 'react';

import { AgorumStep } from './agorum/AgorumStep';
import { AppPasswordStep } from './app-password/AppPasswordStep';
import { PlaceStep } from './bridge/PlaceStep';
import { SetupStep } from './bridge/SetupStep';
import { BridgeTestStep } from './bridge/TestStep';
import { ValuesStep } from './bridge/ValuesStep';
import { TestStep } from './connection-test/TestStep';
import { MorePasswordsStep } from './more-passwords/MorePasswordsStep';
import { NetworkStep } from './network/NetworkStep';
import { HandoverStep } from './oauth/HandoverStep';
import { IdsStep } from './oauth/IdsStep';
import { RegistrationStep } from './oauth/RegistrationStep';
import { SignInStep } from './oauth/SignInStep';
import { TrackStep } from './oauth/TrackStep';
import { XoauthTestStep } from './oauth/XoauthTestStep';
import { PerUserMfaStep } from './per-user-mfa/PerUserMfaStep';
import { ProfileStep } from './profile/ProfileStep';
import { SecurityDefaultsStep } from './security-defaults/SecurityDefaultsStep';
import { StartStep } from './start/StartStep';
import type { StepId } from './steps';

/** The body of every step, in one place so the shell stays free of step knowledge. */
export const stepBodies: Record<StepId, ComponentType> = {
  start: StartStep,
  profile: ProfileStep,
  network: NetworkStep,
  securityDefaults: SecurityDefaultsStep,
  perUserMfa: PerUserMfaStep,
  appPassword: AppPasswordStep,
  test: TestStep,
  agorum: AgorumStep,
  morePasswords: MorePasswordsStep,
  modernAuth: TrackStep,
  oauthRegistration: RegistrationStep,
  oauthIds: IdsStep,
  oauthSignIn: SignInStep,
  oauthTest: XoauthTestStep,
  oauthHandover: HandoverStep,
  bridgePlace: PlaceStep,
  bridgeSetup: SetupStep,
  bridgeValues: ValuesStep,
  bridgeTest: BridgeTestStep,
};
