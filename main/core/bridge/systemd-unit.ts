/**
 * The systemd unit for the headless bridge, generated for a configuration: an unprivileged dynamic user, a state
 * directory for the configuration (the bridge rewrites its sealed tokens there on every rotation), and the
 * hardening systemd offers. CAP_NET_BIND_SERVICE is granted only when the listener's port is below 1024.
 */
export interface UnitOptions {
  port: number;
  /** Command that starts the bridge (the repository's npm script, or an installed copy). */
  execStart?: string;
  workingDirectory?: string;
}

export function systemdUnit(opts: UnitOptions): string {
  const privileged = opts.port < 1024;
  // node + tsx directly: npm would want a writable home, which ProtectHome and DynamicUser rule out.
  const exec =
    opts.execStart ??
    '/usr/bin/node node_modules/tsx/dist/cli.mjs main/cli/bridge.ts --config /var/lib/mailadapter-bridge/bridge.json';
  return [
    '[Unit]',
    'Description=Mailadapter Assistant OAuth bridge (IMAP with XOAUTH2 to Exchange Online)',
    'Documentation=file:///opt/mailadapter-assistant/README.md',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${exec}`,
    `WorkingDirectory=${opts.workingDirectory ?? '/opt/mailadapter-assistant'}`,
    'ExecReload=/bin/kill -HUP $MAINPID',
    // SIGTERM: the bridge stops listening and lets sessions finish (limits.shutdownSeconds, default 10 s).
    'KillSignal=SIGTERM',
    'TimeoutStopSec=30',
    'Restart=on-failure',
    'RestartSec=5',
    'DynamicUser=yes',
    'StateDirectory=mailadapter-bridge',
    'StateDirectoryMode=0700',
    'UMask=0077',
    ...(privileged
      ? [
          `# Port ${opts.port} < 1024: the one capability needed to bind it, nothing else.`,
          'AmbientCapabilities=CAP_NET_BIND_SERVICE',
          'CapabilityBoundingSet=CAP_NET_BIND_SERVICE',
        ]
      : ['# Port >= 1024: no capability at all.', 'AmbientCapabilities=', 'CapabilityBoundingSet=']),
    'NoNewPrivileges=yes',
    'ProtectSystem=strict',
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'PrivateDevices=yes',
    'ProtectKernelTunables=yes',
    'ProtectKernelModules=yes',
    'ProtectKernelLogs=yes',
    'ProtectControlGroups=yes',
    'ProtectClock=yes',
    'ProtectHostname=yes',
    'ProtectProc=invisible',
    'ProcSubset=pid',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX',
    'RestrictNamespaces=yes',
    'RestrictRealtime=yes',
    'RestrictSUIDSGID=yes',
    'LockPersonality=yes',
    'SystemCallArchitectures=native',
    'SystemCallFilter=@system-service',
    'SystemCallErrorNumber=EPERM',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
