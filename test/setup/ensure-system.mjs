// Makes sure the real components the tests start are installed (Debian packages). As root it installs what is
// missing and says so; otherwise it stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const REQUIREMENTS = [
  { what: 'Chromium (browser end-to-end tests)', pkg: 'chromium', probe: ['/usr/bin/chromium'] },
  {
    what: 'Dovecot IMAP server (connection-test tests)',
    pkg: 'dovecot-imapd',
    probe: ['/usr/sbin/dovecot', '/usr/lib/dovecot/imap'],
  },
  {
    what: 'GNOME Keyring (real Secret Service keychain)',
    pkg: 'gnome-keyring',
    probe: ['/usr/bin/gnome-keyring-daemon'],
  },
  { what: 'D-Bus session bus', pkg: 'dbus', probe: ['/usr/bin/dbus-run-session', '/usr/bin/dbus-daemon'] },
  { what: 'secret-tool (inspects the test keychain)', pkg: 'libsecret-tools', probe: ['/usr/bin/secret-tool'] },
  { what: 'OpenSSL (throwaway test certificates)', pkg: 'openssl', probe: ['/usr/bin/openssl'] },
  { what: 'curl (probe benchmark comparison, bridge client tests)', pkg: 'curl', probe: ['/usr/bin/curl'] },
  {
    what: 'fetchmail (a real mail client downloading through the bridge)',
    pkg: 'fetchmail',
    probe: ['/usr/bin/fetchmail'],
  },
];

export function missingPackages() {
  return REQUIREMENTS.filter((r) => !r.probe.every((p) => existsSync(p)));
}

export function ensureSystem() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  for (const m of missing) console.log(`[setup] missing: ${m.what} (Debian package ${m.pkg})`);
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `[setup] The tests need these packages. Install them first, as root on Debian/Ubuntu:\n  sudo sh -c '${cmd}'`,
    );
    process.exit(1);
  }
  console.log(`[setup] installing as root: ${cmd}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${pkgs.join(' ')}`], {
    stdio: 'inherit',
    env,
  });
  const still = missingPackages();
  if (still.length) {
    console.error(`[setup] still missing after install: ${still.map((m) => m.pkg).join(', ')}`);
    process.exit(1);
  }
  console.log('[setup] system packages installed.');
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystem();
