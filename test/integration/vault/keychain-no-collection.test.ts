// A Secret Service without a default keyring: anything stored would live only in memory, so nothing is stored.
import { bindProcessToBus, startKeyringSession } from '@test/fixtures/keyring-session';

import { keychainFaultSuite } from './keychain-fault-suite';

keychainFaultSuite('Secret Service without a persistent default keyring', {
  async start() {
    const session = await startKeyringSession('no-default-collection');
    bindProcessToBus(session.busAddress);
    return { cleanup: () => session.stop() };
  },
  code: 'KEYCHAIN_NOT_PERSISTENT',
  advice: { de: /Standard-Schlüsselbund/, en: /default keyring/ },
  reads: 'not-saved',
  listing: 'empty',
});
