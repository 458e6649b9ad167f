/**
 * Reads a secret from the terminal without echoing it. Only used when stdin is a TTY; Ctrl-C aborts.
 */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    // Echo goes off before the question appears, so nothing typed in reaction to it is ever shown.
    input.setRawMode?.(true);
    output.write(question);
    const chars: string[] = [];
    const finish = (value: string | undefined) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(chars.join(''));
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
