import os from 'node:os';

import type { AppInfo } from '@shared/ipc/channels/app';

/**
 * What a support engineer needs to know about the machine, and nothing that identifies the person:
 * no host name, user name or network addresses.
 */
export function collectSystemInfo(app: AppInfo, now: Date): Record<string, unknown> {
  return {
    createdAt: now.toISOString(),
    app: { name: app.name, version: app.version, runtime: app.runtime, versions: app.versions },
    os: {
      platform: process.platform,
      type: os.type(),
      release: os.release(),
      version: typeof os.version === 'function' ? os.version() : undefined,
      arch: process.arch,
    },
    hardware: {
      cpus: os.cpus().length,
      memoryMiB: Math.round(os.totalmem() / 2 ** 20),
      freeMemoryMiB: Math.round(os.freemem() / 2 ** 20),
    },
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    process: { node: process.versions.node, uptimeSeconds: Math.round(process.uptime()) },
  };
}
