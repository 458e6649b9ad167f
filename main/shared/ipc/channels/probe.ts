// Channels and events for connection test and provider discovery (issue 3).
import type { DiscoveryResult } from '@shared/probe/discovery';
import { MAX_EMAIL_LENGTH } from '@shared/probe/discovery';
import type { ProbeReport, ProbeStageEvent } from '@shared/probe/report';
import { MAX_PASSWORD_LENGTH } from '@shared/probe/settings';
import { z } from 'zod';

import { channel, event } from '../define';

const runIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/);

/**
 * Deliberately loose: only types and sizes are checked here. The probe itself validates every field and answers
 * with an INPUT_INVALID report naming the field, so the renderer always gets a report to show.
 */
export const runProbeInputSchema = z
  .object({
    host: z.string().max(2048),
    port: z.union([z.number(), z.string().max(16)]).optional(),
    security: z.string().max(16).optional(),
    user: z.string().max(2048).optional(),
    /** Typed by the user for this test; never stored by the probe. */
    password: z
      .string()
      .max(MAX_PASSWORD_LENGTH * 4)
      .optional(),
    /** Saved profile whose keychain secret is used when no password is given. */
    profileId: z.string().min(1).max(200).optional(),
    /** Only network, TLS and capabilities; no credential is needed or sent. */
    networkOnly: z.boolean().optional(),
    /** Chosen by the caller to cancel the run and match its probeStage events; generated when absent. */
    runId: runIdSchema.optional(),
  })
  .strict();

export const probeChannels = {
  /** Runs one connection test; resolves with a report for every network or server outcome. */
  runProbe: channel(runProbeInputSchema).returns<ProbeReport & { runId: string }>(),
  /** Cancels a running test; its report then arrives with code CANCELLED. */
  cancelProbe: channel(z.object({ runId: runIdSchema }).strict()).returns<{ cancelled: boolean }>(),
  /** Looks up MX / autodiscover of the address's domain and suggests the IMAP server. */
  discoverProvider: channel(
    z.object({ email: z.string().max(MAX_EMAIL_LENGTH * 2) }).strict(),
  ).returns<DiscoveryResult>(),
};

export const probeEvents = {
  /** Progress of a running test, one event when a stage starts and one when it ends. */
  probeStage: event<ProbeStageEvent>(),
};
