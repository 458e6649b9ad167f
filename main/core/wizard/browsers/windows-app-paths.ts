import { execFile } from 'node:child_process';

const APP_PATHS = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths';

/**
 * Reads the default value from `reg query <key> /ve` output. The value name is localized ("(Default)",
 * "(Standard)"), so the line is recognised by its type column instead.
 */
export function parseRegDefaultValue(output: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const m = /\sREG_(?:EXPAND_)?SZ\s+(.*\S)\s*$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

function regQuery(key: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('reg.exe', ['query', key, '/ve'], { timeout: timeoutMs, windowsHide: true }, (err, stdout) =>
      resolve(err ? undefined : parseRegDefaultValue(stdout)),
    );
  });
}

/** App Paths lookup for one executable: the user's own registration wins over the machine-wide one. */
export async function queryAppPath(exeName: string, timeoutMs = 3000): Promise<string | undefined> {
  for (const hive of ['HKCU', 'HKLM']) {
    const value = await regQuery(`${hive}\\${APP_PATHS}\\${exeName}`, timeoutMs);
    if (value) return value;
  }
  return undefined;
}
