/** Whether a profile has a saved app password, and where (keychain or this session) — never the password. */
import { useEffect, useState } from 'react';
import type { SecretStatus } from '../../../../main/shared/profile/secrets';
import { assistant } from '../../bridge/assistant';
import { call } from '../../bridge/call';

export function useSecretStatus(profileId: string): [SecretStatus | undefined, (status: SecretStatus) => void] {
  const [status, setStatus] = useState<SecretStatus>();
  useEffect(() => {
    let alive = true;
    void call(() => assistant.secretStatus({ profileId, kind: 'app-password' }), { quiet: true }).then(
      (r) => alive && r.ok && setStatus(r.value),
    );
    return () => {
      alive = false;
    };
  }, [profileId]);
  return [status, setStatus];
}
