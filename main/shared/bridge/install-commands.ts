/**
 * The server installation of the bridge, one command per step, to paste as they are (the same in every language;
 * the catalogue's `bridge:server.<system>Steps.<n>` says what each does and how to tell it worked). `{file}` is the
 * name of the exported file. The paths are the ones of build/bridge/ (systemd unit, WinSW service).
 */
export const INSTALL_SYSTEMS = ['linux', 'windows'] as const;
export type InstallSystem = (typeof INSTALL_SYSTEMS)[number];

export const INSTALL_COMMANDS: Readonly<Record<InstallSystem, readonly string[]>> = {
  linux: [
    'node --version',
    'cd /opt/mailadapter-assistant && sudo npm ci',
    'sudo install -D -m 600 ~/{file} /var/lib/mailadapter-bridge/bridge.json',
    'cd /opt/mailadapter-assistant && npm run --silent bridge -- systemd-unit --config /var/lib/mailadapter-bridge/bridge.json | sudo tee /etc/systemd/system/mailadapter-bridge.service',
    'sudo systemctl daemon-reload && sudo systemctl enable --now mailadapter-bridge',
    'systemctl status mailadapter-bridge --no-pager',
  ],
  windows: [
    'node --version',
    'New-Item -ItemType Directory -Force "$env:ProgramData\\MailadapterBridge"',
    'Copy-Item "$HOME\\Downloads\\{file}" "$env:ProgramData\\MailadapterBridge\\bridge.json"',
    'icacls "$env:ProgramData\\MailadapterBridge" /inheritance:r /grant:r "NT AUTHORITY\\LocalService:(OI)(CI)M" "BUILTIN\\Administrators:(OI)(CI)F"',
    'cd "C:\\Program Files\\Mailadapter Assistant\\build\\bridge"; .\\mailadapter-bridge.exe install; .\\mailadapter-bridge.exe start',
    'Get-Service MailadapterBridge',
  ],
};

/** The commands of one system with the exported file's name filled in. */
export const installCommands = (system: InstallSystem, fileName: string): string[] =>
  INSTALL_COMMANDS[system].map((c) => c.replaceAll('{file}', fileName));
