import { type ClipboardPort, createSecretClipboard } from '@core/wizard/clipboard/secret-clipboard';
import { systemClock } from '@core/wizard/clock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function fakeClipboard(): ClipboardPort & { content: string; writes: string[] } {
  const c = {
    content: '',
    writes: [] as string[],
    write: async (text: string) => {
      c.content = text;
      c.writes.push(text);
    },
    read: async () => c.content,
  };
  return c;
}

describe('secret clipboard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('clears the secret after 30 s, not before', async () => {
    const cb = fakeClipboard();
    const clip = createSecretClipboard(cb, systemClock);
    const result = await clip.copySecret('abcd efgh ijkl mnop');
    expect(result).toEqual({ clearAfterMs: 30_000, clearsAt: '2026-11-20T10:00:30.000Z' });
    expect(cb.content).toBe('abcd efgh ijkl mnop');
    await vi.advanceTimersByTimeAsync(29_900);
    expect(cb.content).toBe('abcd efgh ijkl mnop');
    await vi.advanceTimersByTimeAsync(200);
    expect(cb.content).toBe('');
    expect(cb.writes).toEqual(['abcd efgh ijkl mnop', '']);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const cb = fakeClipboard();
    const clip = createSecretClipboard(cb, systemClock);
    await clip.copySecret('geheim-1234');
    await vi.advanceTimersByTimeAsync(10_000);
    cb.content = 'a note the user copied';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(cb.content).toBe('a note the user copied');
    expect(cb.writes).toEqual(['geheim-1234']);
  });

  it('a second copy restarts the 30 s', async () => {
    const cb = fakeClipboard();
    const clip = createSecretClipboard(cb, systemClock);
    await clip.copySecret('first-secret');
    await vi.advanceTimersByTimeAsync(20_000);
    await clip.copySecret('first-secret');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(cb.content).toBe('first-secret');
    await vi.advanceTimersByTimeAsync(10_001);
    expect(cb.content).toBe('');
  });

  it('plain values are copied without a timer', async () => {
    const cb = fakeClipboard();
    const clip = createSecretClipboard(cb, systemClock);
    await clip.copyText('outlook.office365.com');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cb.content).toBe('outlook.office365.com');
  });

  it('on quit a pending secret is cleared at once', async () => {
    const cb = fakeClipboard();
    const clip = createSecretClipboard(cb, systemClock);
    await clip.copySecret('s3cr3t');
    await clip.dispose();
    expect(cb.content).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failing clipboard read at clearing time is swallowed, not thrown into the process', async () => {
    const cb = fakeClipboard();
    cb.read = async () => {
      throw new Error('clipboard busy');
    };
    const clip = createSecretClipboard(cb, systemClock);
    await clip.copySecret('s3cr3t');
    await expect(vi.advanceTimersByTimeAsync(31_000)).resolves.not.toThrow();
    expect(cb.content).toBe('s3cr3t');
  });
});
