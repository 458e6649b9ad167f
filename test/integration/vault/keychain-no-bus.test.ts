// No D-Bus session at all (e.g. a minimal desktop or SSH session): the Secret Service cannot even be asked.
import { bindProcessToBus, noBusAddress } from '@test/fixtures/keyring-session';

import { keychainFaultSuite } from './keychain-fault-suite';

keychainFaultSuite('no D-Bus session', {
  async start() {
    bindProcessToBus(noBusAddress());
    return { cleanup: async () => {} };
  },
  code: 'KEYCHAIN_UNAVAILABLE',
  advice: { de: /GNOME Keyring|KWallet/, en: /GNOME Keyring|KWallet/ },
  reads: 'fail',
  listing: 'fails',
});
