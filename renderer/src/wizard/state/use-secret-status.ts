/** Whether a profile has a saved app password, and where (keychain or this session) — never the password. */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { SecretStatus } from '@shared/profile/secrets';
import { useEffect, useState } from 'react';

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
