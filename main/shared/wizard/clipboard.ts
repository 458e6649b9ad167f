/** A copied secret is removed from the clipboard after this long, unless something else was copied meanwhile. */
export const SECRET_CLIPBOARD_CLEAR_MS = 30_000;

/** Longest plain value `copyToClipboard` accepts (host names, user names, ports). */
export const MAX_CLIPBOARD_TEXT = 4096;

export interface CopySecretResult {
  /** When the clipboard will be cleared (ISO), if it still holds the secret then. */
  clearsAt: string;
  clearAfterMs: number;
}
