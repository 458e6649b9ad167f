import type { InputDetails } from '@shared/probe/report';
import { checkProbeInput, type ProbeInput, type ProbeSettings } from '@shared/probe/settings';

import { StageFailure } from './failure';
import type { StageRecorder } from './stage-recorder';

/** The first stage: checks what the user typed; nothing touches the network when it fails. */
export function inputStage(input: ProbeInput, recorder: StageRecorder): ProbeSettings {
  recorder.start('input');
  const { settings, issues, notices } = checkProbeInput(input);
  const details: InputDetails = {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    user: settings.user,
    credential: settings.credential?.kind ?? 'none',
    networkOnly: settings.networkOnly,
    notices,
    issues,
  };
  if (issues.length > 0) {
    throw new StageFailure<'input'>(
      'INPUT_INVALID',
      `Invalid input: ${issues.map((i) => `${i.field} (${i.reason})`).join(', ')}.`,
      details,
    );
  }
  recorder.ok('input', details);
  return settings;
}
