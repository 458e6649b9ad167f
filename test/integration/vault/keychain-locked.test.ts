// The login keyring is locked and no unlock prompt can be shown (what the app sees when the user dismisses it).
import { openAppStore } from '@core/store/app-store';
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { bindProcessToBus, startKeyringSession } from '@test/fixtures/keyring-session';

import { keychainFaultSuite } from './keychain-fault-suite';

keychainFaultSuite('locked keyring', {
  async start(dataDir) {
    const profile = openAppStore({ dataDir }).createProfile({
      displayName: 'Gesperrt',
      tenantLabel: '',
      mailboxUser: '',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
    });
    const session = await startKeyringSession('locked', {
      beforeLock: (s) => s.store(KEYCHAIN_SERVICE, `${profile.id}:app-password`, 'behind the lock'),
    });
    bindProcessToBus(session.busAddress);
    return { cleanup: () => session.stop(), seededProfileId: profile.id };
  },
  code: 'KEYCHAIN_LOCKED',
  advice: { de: /[Ee]ntsperren/, en: /[Uu]nlock/ },
  reads: 'not-saved',
  seeded: true,
  listing: 'fails',
});
