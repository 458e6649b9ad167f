/**
 * `npm run dev:web -- [--port N] [--data-dir DIR]`: serves the app to a browser and prints its URL (token included).
 * Runs until killed. Secrets go to the OS keychain of the current user; NODE_EXTRA_CA_CERTS adds TLS trust anchors.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startHarness } from './server';

const usage = 'Usage: npm run dev:web -- [--port N] [--data-dir DIR]';
let values: { port?: string; 'data-dir'?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535.\n${usage}`);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.mailadapter-assistant-dev'));
mkdirSync(dataDir, { recursive: true });

let harness: Awaited<ReturnType<typeof startHarness>>;
try {
  harness = await startHarness({ port, dataDir });
} catch (err) {
  // e.g. STORE_LOCKED (another harness uses this data dir) or EADDRINUSE: say what, not a stack trace.
  console.error(`Cannot start the harness: ${(err as Error).message}`);
  process.exit(1);
}
console.log(harness.url);
console.error(`Mailadapter Assistant harness: data in ${dataDir}. Stop with Ctrl+C.`);

const stop = () => void harness.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
