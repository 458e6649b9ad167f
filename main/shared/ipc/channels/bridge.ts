// The OAuth bridge as the admin sets it up and runs it, per connection. Commands that change something answer with
// the wizard's view (its `active.bridge` and `bridges`) and publish it as `wizardView`, like every wizard command;
// the bridge's own changes (a login by agorum, a session, a dead refresh token) publish a fresh view too.
// Failures carry a stable code: BRIDGE_* start codes (with `details.alternatives` for a taken port),
// BRIDGE_NOT_CONFIGURED, BRIDGE_NO_PASSWORD, BRIDGE_PASSWORD_NOT_COPYABLE, BRIDGE_NOT_SIGNED_IN, INPUT_INVALID.
import { bridgeHostSchema, bridgePortSchema, bridgeSetupSchema, CLOSE_CHOICES } from '@shared/bridge/host-settings';
import type { BridgePortCheck } from '@shared/bridge/host-view';
import { profileIdSchema } from '@shared/profile/profile';
import type { CopySecretResult } from '@shared/wizard/clipboard';
import type { WizardView } from '@shared/wizard/view';
import { z } from 'zod';

import { channel } from '../define';

const byProfile = z.object({ profileId: profileIdSchema }).strict();

/** The values agorum core's form takes from the bridge, by agorum's field names, plus the local password. */
export const BRIDGE_VALUE_FIELDS = ['serverType', 'emailHost', 'emailPath', 'emailUser', 'password'] as const;
export type BridgeValueField = (typeof BRIDGE_VALUE_FIELDS)[number];

export interface GeneratedBridgePassword {
  view: WizardView;
  /** The new local password, shown ONCE (for E-Mail-Passwort); main keeps only its hash. */
  password: string;
  /** A previous password existed and stopped working at once (agorum core must get the new one). */
  replaced: boolean;
}

export interface BridgeServerExport {
  view: WizardView;
  /** The user cancelled the save dialog: nothing was written, nothing changed. */
  cancelled: boolean;
  path: string | null;
  fileName: string;
  /**
   * The server bridge's local password, shown ONCE: agorum core types it into E-Mail-Passwort, and it unlocks the
   * sealed sign-in in the file (the file alone opens nothing). It replaces the connection's local password.
   */
  passphrase: string | null;
}

export const bridgeChannels = {
  /**
   * Where agorum core runs, its Server-Typ, and the bridge's address and port (null = the Server-Typ's standard
   * port). Creates the connection's bridge settings on first use; a running bridge moves to the new address at once.
   */
  configureBridge: channel(
    z.object({ profileId: profileIdSchema, setup: bridgeSetupSchema }).strict(),
  ).returns<WizardView>(),
  /**
   * Tries to listen on the address (default: the saved one) without keeping it: free, held by this connection's own
   * bridge, or taken — then who answers there (an IMAP server such as agorum core's own?) and free alternatives.
   */
  checkBridgePort: channel(
    z
      .object({ profileId: profileIdSchema, host: bridgeHostSchema.optional(), port: bridgePortSchema.optional() })
      .strict(),
  ).returns<BridgePortCheck>(),
  /** A new local password (also "regenerate"): the old one stops working in the running bridge immediately. */
  generateBridgePassword: channel(byProfile).returns<GeneratedBridgePassword>(),
  /**
   * Copies one value for agorum core's form; the password (only while this session generated it) is written by
   * main and cleared after the same time as app passwords, the others are plain values.
   */
  copyBridgeValue: channel(
    z.object({ profileId: profileIdSchema, field: z.enum(BRIDGE_VALUE_FIELDS) }).strict(),
  ).returns<{ field: BridgeValueField } & Partial<CopySecretResult>>(),
  /** Starts the connection's bridge now and with every app start (fails with the BRIDGE_* start code). */
  startBridge: channel(byProfile).returns<WizardView>(),
  /** Stops it now and no longer starts it with the app. */
  stopBridge: channel(byProfile).returns<WizardView>(),
  /**
   * Proves the bridge the way agorum core uses it: password login at the bridge's address, then STATUS INBOX
   * through it to Exchange. Live stages arrive as `probeStage` with `active.bridge.test.runningId`; the outcome is
   * `active.bridge.test.last` (report, BRIDGE_* code, what the upstream said).
   */
  testBridge: channel(
    z
      .object({
        profileId: profileIdSchema,
        /** What agorum core has in E-Mail-Passwort; without it, the password generated in this session. */
        password: z.string().min(1).max(1024).optional(),
      })
      .strict(),
  ).returns<WizardView>(),
  cancelBridgeTest: channel(byProfile).returns<{ cancelled: boolean }>(),
  /**
   * Server mode: one file with the bridge configuration and the sign-in sealed under a new local password (the
   * passphrase, shown once). Without `path` the user picks the place; `path` is for the harness and tests only.
   */
  exportBridgeServer: channel(
    z.object({ profileId: profileIdSchema, path: z.string().min(1).max(4096).optional() }).strict(),
  ).returns<BridgeServerExport>(),
  /** App-wide: keep running in the background (tray icon), start with the computer, what closing the window does. */
  setDesktopBehaviour: channel(
    z
      .object({
        keepRunningInBackground: z.boolean().optional(),
        startWithComputer: z.boolean().optional(),
        closeWithBridge: z.enum(CLOSE_CHOICES).optional(),
      })
      .strict(),
  ).returns<WizardView>(),
};

export const bridgeEvents = {};
