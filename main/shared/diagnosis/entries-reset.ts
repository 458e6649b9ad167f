/**
 * A connection cut off (reset, or closed) before the server said a word. That is an active refusal, told apart from
 * "nothing listens" (TCP_REFUSED) because something did take the connection first.
 */
import { checkFromServer } from './entries-connection';
import type { CauseEntry, DiagnosisEntry } from './types';

const localSecurity: CauseEntry = {
  id: 'local-security-software',
  weight: 50,
  text: 'diagnosis:TCP_RESET.causes.local-security-software',
};

export const resetEntries: DiagnosisEntry[] = [
  {
    code: 'TCP_RESET',
    severity: 'error',
    title: 'diagnosis:TCP_RESET.title',
    meaning: 'diagnosis:TCP_RESET.meaning',
    causes: [
      {
        id: 'firewall-reset',
        weight: 100,
        text: 'diagnosis:TCP_RESET.causes.firewall-reset',
      },
      localSecurity,
      {
        id: 'server-refuses-client',
        weight: 40,
        text: 'diagnosis:TCP_RESET.causes.server-refuses-client',
      },
      {
        id: 'other-service',
        weight: 30,
        text: 'diagnosis:TCP_RESET.causes.other-service',
      },
    ],
    actions: [
      {
        id: 'ask-firewall',
        text: 'diagnosis:TCP_RESET.actions.ask-firewall',
      },
      checkFromServer,
    ],
    variants: [
      {
        when: { products: ['exchange-online'] },
        causes: [
          {
            id: 'firewall-reset',
            weight: 100,
            text: 'diagnosis:TCP_RESET.exchangeOnline.causes.firewall-reset',
          },
          localSecurity,
        ],
      },
    ],
  },
];
