/**
 * Source of the keychain worker thread, run with `new Worker(source, { eval: true })` so it needs no separate
 * bundle entry in any host (Electron build, tsx harness, Vitest).
 *
 * Why a worker: @napi-rs/keyring's calls are synchronous native code, and even its "async" entries connect to the
 * Secret Service synchronously in their constructor. A D-Bus activation or an unlock prompt can take many seconds;
 * on the main thread that would freeze IPC and the window. In the worker they block only the worker, which also
 * serializes all keychain calls in order. Listing drops the secrets inside the worker, so only account names cross.
 */
export const KEYCHAIN_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const keyring = require(workerData.modulePath);
// Pin Linux to the Secret Service: keyring's default would silently fall back to the kernel keyring,
// which forgets everything at logout. Ignored on macOS and Windows.
const options = { linux: { store: 'secret-service' } };
const entry = (account) => new keyring.Entry(workerData.service, account, options);
parentPort.on('message', (m) => {
  let reply;
  try {
    let value = null;
    if (m.op === 'set') entry(m.account).setPassword(m.secret);
    else if (m.op === 'get') value = entry(m.account).getPassword() ?? null;
    else if (m.op === 'delete') value = entry(m.account).deletePassword() === true;
    else if (m.op === 'list') value = keyring.findCredentials(workerData.service).map((c) => c.account);
    else throw new Error('unknown op');
    reply = { id: m.id, ok: true, value };
  } catch (err) {
    reply = { id: m.id, ok: false, message: String((err && err.message) || err) };
  }
  parentPort.postMessage(reply);
});
`;
