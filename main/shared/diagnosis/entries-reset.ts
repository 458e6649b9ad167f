/**
 * A connection cut off (reset, or closed) before the server said a word. That is an active refusal, told apart from
 * "nothing listens" (TCP_REFUSED) because something did take the connection first.
 */
import { checkFromServer } from './entries-connection';
import { entry } from './entry';
import type { CauseEntry, DiagnosisEntry } from './types';

const localSecurity: CauseEntry = {
  id: 'local-security-software',
  weight: 50,
  text: 'diagnosis:TCP_RESET.causes.local-security-software',
};

export const resetEntries: DiagnosisEntry[] = [
  entry('TCP_RESET', 'error', {
    causes: [['firewall-reset', 100], localSecurity, ['server-refuses-client', 40], ['other-service', 30]],
    actions: ['ask-firewall', checkFromServer],
    variants: [
      {
        name: 'exchangeOnline',
        when: { products: ['exchange-online'] },
        causes: [['firewall-reset', 100], localSecurity],
      },
    ],
  }),
];
