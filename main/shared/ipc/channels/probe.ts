// Provider discovery, and the live progress of a connection test (the tests themselves are wizard commands).
import type { DiscoveryResult } from '@shared/probe/discovery';
import { MAX_EMAIL_LENGTH } from '@shared/probe/discovery';
import type { ProbeStageEvent } from '@shared/probe/report';
import { z } from 'zod';

import { channel, event } from '../define';

export const probeChannels = {
  /** Looks up MX / autodiscover of the address's domain and suggests the IMAP server. */
  discoverProvider: channel(
    z.object({ email: z.string().max(MAX_EMAIL_LENGTH * 2) }).strict(),
  ).returns<DiscoveryResult>(),
};

export const probeEvents = {
  /** Progress of a running test (its run id is in the view), one event when a stage starts and one when it ends. */
  probeStage: event<ProbeStageEvent>(),
};
