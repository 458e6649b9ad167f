/** Provider discovery for the profile form: asks main (MX / autodiscover) and phrases the verdict for people. */
import { call } from '@renderer/bridge/call';
import { host } from '@renderer/bridge/host';
import type { DiscoveryResult } from '@shared/probe/discovery';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CalloutTone } from '../ui/Callout';

export type DiscoveryView =
  | { kind: 'idle' }
  | { kind: 'running'; domain: string }
  | { kind: 'done'; tone: CalloutTone; title: string; text: string; result: DiscoveryResult | null };

export function useDiscovery() {
  const { t } = useTranslation('wizard');
  const [state, setState] = useState<DiscoveryView>({ kind: 'idle' });

  const run = async (email: string): Promise<DiscoveryResult | null> => {
    const domain = email.split('@')[1]?.trim() ?? '';
    setState({ kind: 'running', domain });
    const r = await call(() => host.discoverProvider({ email }), { quiet: true });
    if (!r.ok) {
      setState({
        kind: 'done',
        tone: 'neutral',
        title: t('profile.discovery.unknownTitle'),
        text: t('profile.discovery.unavailable'),
        result: null,
      });
      return null;
    }
    const d = r.value;
    const mx = d.mx.map((m) => m.exchange).join(', ') || '–';
    if (d.provider === 'microsoft365') {
      setState({
        kind: 'done',
        tone: 'success',
        title: t('profile.discovery.microsoft365Title'),
        text: t('profile.discovery.microsoft365', { domain: d.domain, mx }),
        result: d,
      });
    } else if (d.provider === 'other') {
      setState({
        kind: 'done',
        tone: 'info',
        title: t('profile.discovery.otherTitle'),
        text: t('profile.discovery.other', { domain: d.domain, mx }),
        result: d,
      });
    } else {
      setState({
        kind: 'done',
        tone: 'neutral',
        title: t('profile.discovery.unknownTitle'),
        text: t('profile.discovery.unknown', { domain: d.domain || domain, code: d.code }),
        result: d,
      });
    }
    return d;
  };

  return { state, run };
}
