/**
 * The modern-auth track's side of profile export/import: the track choice and the app registration travel; the
 * signed-in account and the token cache skeleton do not (see ExportedAuth for why).
 */
import type { AuthTransferPort } from '../store/transfer-types';
import type { RegistrationStore } from './registration-store';

export function registrationTransfer(registrations: RegistrationStore): AuthTransferPort {
  return {
    exportOf(profileId) {
      const { track, registration } = registrations.get(profileId);
      return track === null && registration === null ? undefined : { track, registration };
    },
    restore(entries) {
      registrations.replaceMany(entries.map(({ profileId, auth }) => ({ profileId, entry: auth })));
    },
  };
}
