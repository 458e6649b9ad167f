import type { TranscriptEntry } from '@shared/probe/report';

/** Bounds that keep a transcript readable and its memory small whatever the server sends. */
export const TRANSCRIPT_MAX_ENTRIES = 200;
export const TRANSCRIPT_MAX_LINE = 1000;

/** Shown instead of any credential the probe sends. */
export const SECRET_MASK = '****';

/** Makes arbitrary server bytes printable: control characters become \xNN, long lines are cut with a marker. */
export function printable(text: string, max = TRANSCRIPT_MAX_LINE): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}… (${clean.length - max} more characters)` : clean;
}

/**
 * The IMAP dialogue as a person reads it. Callers pass the already-masked form of anything secret;
 * this class never sees a credential.
 */
export class Transcript {
  private readonly entries: TranscriptEntry[] = [];
  private dropped = 0;

  constructor(private readonly clock: () => number) {}

  add(dir: TranscriptEntry['dir'], line: string): void {
    if (this.entries.length >= TRANSCRIPT_MAX_ENTRIES) {
      this.dropped++;
      return;
    }
    this.entries.push({ t: Math.round(this.clock()), dir, line: printable(line) });
  }

  toJSON(): TranscriptEntry[] {
    return this.dropped === 0
      ? [...this.entries]
      : [
          ...this.entries,
          { t: Math.round(this.clock()), dir: 'note', line: `${this.dropped} further lines not recorded` },
        ];
  }
}
