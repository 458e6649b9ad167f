/** The pill's tones (styles/pills.css); a pill without one is neutral. */
export type PillTone = 'ok' | 'warn' | 'error' | null;

/** The classes of a pill of one kind (`status-badge`, `likelihood` …) in a tone. */
export const pillClass = (kind: string, tone: PillTone): string => `pill ${kind}${tone ? ` tone-${tone}` : ''}`;
