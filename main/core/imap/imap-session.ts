import type { ProbeCode, ProbeStage } from '@shared/probe/codes';

import { StageFailure } from './failure';
import { ConnectionEnded, type ImapConnection, MAX_LINE_BYTES } from './imap-connection';
import { type ImapResponse, parseResponse } from './imap-response';
import type { RunBudget } from './run-budget';

class FlushTimeout extends Error {}

export interface Completion {
  tagged: ImapResponse;
  untagged: ImapResponse[];
}

/**
 * One IMAP conversation: hands out tags, waits for a command's tagged completion within a budget, and turns
 * "the connection ended" into the right code for the stage (BYE, unavailable, protocol violation, lost).
 */
export class ImapSession {
  /** The last untagged BYE, if the server sent one. */
  bye: ImapResponse | undefined;
  private loggedOut = false;

  constructor(
    readonly conn: ImapConnection,
    private readonly budget: RunBudget,
    /** Shared with the session before STARTTLS: tags are unique within the connection (RFC 9051 §2.2.1). */
    private readonly tags: { issued: number } = { issued: 0 },
  ) {}

  /** The same conversation on a new transport (after STARTTLS); tags go on counting. */
  continueOn(conn: ImapConnection): ImapSession {
    return new ImapSession(conn, this.budget, this.tags);
  }

  /** A stage cap cut to what is left of the overall deadline. */
  cap(stageCapMs: number): number {
    return this.budget.cap(stageCapMs);
  }

  /** Resolves once everything written so far has been handed to the kernel, or after `capMs` (a courtesy only). */
  async flush(capMs: number): Promise<void> {
    const flushed = () => new Promise<void>((resolve) => this.conn.socket.write('', () => resolve()));
    await this.budget
      .bounded(this.budget.cap(capMs), () => new FlushTimeout(), flushed)
      .catch((err: unknown) => {
        if (!(err instanceof FlushTimeout)) throw err;
      });
  }

  nextTag(): string {
    this.tags.issued += 1;
    return `A${this.tags.issued}`;
  }

  /** Sends LOGOUT once, unless the server already said BYE or the connection is gone. */
  sendLogout(): void {
    if (this.loggedOut || this.bye || this.conn.ended) return;
    this.loggedOut = true;
    this.conn.writeLine(`${this.nextTag()} LOGOUT`);
  }

  /**
   * Ends a session the server still holds open with LOGOUT rather than a bare close, without waiting for the reply:
   * the verdict is in, and a server that never answers must not hold it up. Never throws.
   */
  async logoutQuietly(flushCapMs: number): Promise<void> {
    this.sendLogout();
    await this.flush(flushCapMs).catch(() => {});
  }

  /** Reads one line within the budget (the greeting), noting a BYE. */
  async readOne(
    stage: ProbeStage,
    capMs: number,
    onTimeout: () => StageFailure,
    extra?: (signal: AbortSignal) => void,
  ): Promise<ImapResponse> {
    return this.budget.bounded(this.budget.cap(capMs), onTimeout, async (signal) => {
      extra?.(signal);
      const response = parseResponse(await this.read(stage, signal));
      if (response.tag === '*' && response.kind === 'BYE') this.bye = response;
      return response;
    });
  }

  /**
   * Waits for the tagged completion of `tag`. Untagged data is collected; continuation requests go to
   * `onContinuation` (which must write something, or the server waits forever).
   */
  async complete(
    tag: string,
    stage: ProbeStage,
    capMs: number,
    onContinuation?: (request: ImapResponse) => void,
  ): Promise<Completion> {
    const timeoutCode: ProbeCode = stage === 'greeting' ? 'GREETING_TIMEOUT' : 'TIMEOUT';
    return this.budget.bounded(
      this.budget.cap(capMs),
      () => new StageFailure(timeoutCode, `The server did not complete ${tag} in time.`),
      async (signal) => {
        const untagged: ImapResponse[] = [];
        for (;;) {
          const response = parseResponse(await this.read(stage, signal));
          if (response.tag === tag) return { tagged: response, untagged };
          if (response.tag === '+') {
            onContinuation?.(response);
            continue;
          }
          if (response.tag === '*' && response.kind === 'BYE') {
            // BYE means the server is closing; waiting for the socket to close would only cost time.
            this.bye = response;
            throw this.byeFailure(response);
          }
          untagged.push(response);
        }
      },
    );
  }

  private async read(stage: ProbeStage, signal: AbortSignal): Promise<string> {
    try {
      return await this.conn.readLine(signal);
    } catch (err) {
      if (err instanceof ConnectionEnded) throw this.endedFailure(err, stage);
      throw err;
    }
  }

  private byeFailure(bye: ImapResponse): StageFailure {
    const unavailable = bye.code === 'UNAVAILABLE';
    return new StageFailure(
      unavailable ? 'SERVER_UNAVAILABLE' : 'SERVER_BYE',
      `The server ended the session: ${bye.raw}`,
    );
  }

  /** Why no further line can come, as a stage failure. */
  endedFailure(err: ConnectionEnded, stage: ProbeStage): StageFailure {
    const { problem } = err;
    if (problem.kind === 'line-too-long') {
      return new StageFailure(
        'NOT_IMAP',
        `The server sent a line longer than ${MAX_LINE_BYTES} bytes; that is not an IMAP dialogue.`,
      );
    }
    if (problem.kind === 'flood') return new StageFailure('NOT_IMAP', 'The server flooded the connection with lines.');
    if (this.bye) return this.byeFailure(this.bye);
    const how = problem.kind === 'error' ? `(${problem.errno ?? problem.message})` : '';
    const when = stage === 'greeting' && this.conn.bytesReceived === 0 ? ' before greeting' : ` during ${stage}`;
    return new StageFailure(
      'CONNECTION_LOST',
      `The connection was closed${when} ${how}`.trim() + '.',
      undefined,
      undefined,
      problem.kind === 'error' ? problem.errno : undefined,
    );
  }
}
