/**
 * Which profile was on screen last, so a restart opens the same one. The store has no "active profile" field,
 * so the renderer keeps this UI preference itself (an id, never anything secret); a missing or stale id falls
 * back to the first profile.
 */
const KEY = 'mailadapter-assistant.activeProfileId';

export function rememberActiveProfile(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage can be unavailable (private mode, quota); the fallback is the first profile.
  }
}

export function recallActiveProfile(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
