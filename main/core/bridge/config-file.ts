/**
 * Reading the server mode's configuration file: bounded size, JSON, then the shared schema — every problem is
 * one line naming the field. A TLS listener without the admin's own PEM files gets a certificate generated once
 * and kept beside the configuration (key owner-only), so its fingerprint stays the same across restarts.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type BridgeConfig, parseBridgeConfig } from '../../shared/bridge/config';
import { createSelfSignedCertificate } from './self-signed-cert';

const MAX_CONFIG_BYTES = 1024 * 1024;

export class ConfigFileError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}\n${issues.map((i) => `  - ${i}`).join('\n')}` : message);
    this.name = 'ConfigFileError';
  }
}

export function loadConfigFile(file: string): BridgeConfig {
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES)
      throw new ConfigFileError(`${file} is larger than 1 MiB; that is not a bridge configuration.`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigFileError) throw err;
    throw new ConfigFileError(
      `Cannot read the configuration ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigFileError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = parseBridgeConfig(json);
  if (!parsed.ok)
    throw new ConfigFileError(
      `${file} is not a valid bridge configuration:`,
      parsed.issues.map((i) => `${i.path}: ${i.message}`),
    );
  return parsed.config;
}

/** The listener's certificate: the admin's PEM files, or one generated and kept next to the configuration. */
export function listenerCertificate(
  config: BridgeConfig,
  configFile: string,
): { cert: string; key: string } | undefined {
  const tls = config.listen.tls;
  if (!tls || tls.mode === 'none') return undefined;
  const dir = path.dirname(path.resolve(configFile));
  const resolve = (p: string) => path.resolve(dir, p);
  if (tls.certFile && tls.keyFile) {
    try {
      return { cert: readFileSync(resolve(tls.certFile), 'utf8'), key: readFileSync(resolve(tls.keyFile), 'utf8') };
    } catch (err) {
      throw new ConfigFileError(
        `listen.tls: cannot read ${(err as NodeJS.ErrnoException).path ?? 'the certificate files'}.`,
      );
    }
  }
  const certPath = path.join(dir, 'bridge-listener.crt');
  const keyPath = path.join(dir, 'bridge-listener.key');
  if (existsSync(certPath) && existsSync(keyPath))
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  const generated = createSelfSignedCertificate(['localhost', config.listen.host]);
  writeFileSync(keyPath, generated.key, { mode: 0o600 });
  writeFileSync(certPath, generated.cert, { mode: 0o644 });
  return generated;
}
