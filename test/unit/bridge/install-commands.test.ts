import { readFileSync } from 'node:fs';

import { INSTALL_COMMANDS, installCommands } from '@shared/bridge/install-commands';
import { resources } from '@shared/text/resources';
import { describe, expect, it } from 'vitest';

const read = (f: string) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');

describe('the server installation text', () => {
  it('names what the packaged service files and the CLI use', () => {
    const unit = read('build/bridge/mailadapter-bridge.service');
    const winsw = read('build/bridge/mailadapter-bridge.winsw.xml');
    const linux = INSTALL_COMMANDS.linux.join('\n');
    const windows = INSTALL_COMMANDS.windows.join('\n');
    // The unit's working directory, state directory and config path are where the commands put things.
    expect(unit).toContain('WorkingDirectory=/opt/mailadapter-assistant');
    expect(linux).toContain('cd /opt/mailadapter-assistant');
    expect(unit).toContain('--config /var/lib/mailadapter-bridge/bridge.json');
    expect(linux).toContain('/var/lib/mailadapter-bridge/bridge.json');
    expect(read('main/cli/bridge-args.ts')).toContain('systemd-unit');
    // The Windows service's id and its configuration folder.
    expect(winsw).toContain('<id>MailadapterBridge</id>');
    expect(windows).toContain('Get-Service MailadapterBridge');
    expect(winsw).toContain('%ProgramData%\\MailadapterBridge\\bridge.json');
    expect(windows).toContain('$env:ProgramData\\MailadapterBridge\\bridge.json');
  });

  it('fills in the exported file, and every command has its explanation in both languages', () => {
    expect(installCommands('linux', 'rechnungen-bridge.json')[2]).toContain('~/rechnungen-bridge.json');
    expect(installCommands('windows', 'x.json').join('\n')).not.toContain('{file}');
    for (const lang of ['de', 'en'] as const) {
      const server = resources[lang].bridge.server;
      expect(Object.keys(server.linuxSteps)).toHaveLength(INSTALL_COMMANDS.linux.length);
      expect(Object.keys(server.windowsSteps)).toHaveLength(INSTALL_COMMANDS.windows.length);
    }
  });
});
