/** A validation issue code of the bridge settings (`bridgeHost.invalid`) as the sentence the admin reads. */
import { useTranslation } from 'react-i18next';

const KNOWN = {
  'bridgeHost.invalid': 'setup.invalid.bridgeHost.invalid',
  'bridgeHost.required': 'setup.invalid.bridgeHost.required',
  'bridgePort.invalid': 'setup.invalid.bridgePort.invalid',
  'bridgeTls.requiredOffLoopback': 'setup.invalid.bridgeTls.requiredOffLoopback',
  'bridgeAllow.requiredOffLoopback': 'setup.invalid.bridgeAllow.requiredOffLoopback',
} as const;

export function useIssueText(): (code: string) => string {
  const { t } = useTranslation('bridge');
  return (code) => (code in KNOWN ? t(KNOWN[code as keyof typeof KNOWN]) : t('setup.invalid.other', { message: code }));
}
