// The bus refuses this app's calls to the Secret Service (a sandbox or policy without keyring permission).
import { bindProcessToBus, startKeyringSession } from '@test/fixtures/keyring-session';

import { keychainFaultSuite } from './keychain-fault-suite';

keychainFaultSuite('access denied by bus policy', {
  async start() {
    const session = await startKeyringSession('denied');
    bindProcessToBus(session.busAddress);
    return { cleanup: () => session.stop() };
  },
  code: 'KEYCHAIN_ACCESS_DENIED',
  advice: { de: /Zugriff/, en: /[Aa]llow/ },
  reads: 'fail',
  listing: 'fails',
});
