// Preloaded into Electronegativity (`node --import`) by electronegativity-gate.ts. Two fixes to the tool's
// environment, nothing to its checks:
// 1. Offline: the tool fetches translations and Electron's release list with `got` on every run. Tests here may
//    not reach the internet and a scan must not depend on it, so every request fails at once, locally; the tool
//    then uses its bundled English texts and skips the release lookup.
// 2. A whole report: it writes the CSV header and the rows with two racing async fs.writeFile calls (the header's
//    'w' can truncate rows already written). Writes to the report file (ELECTRONEGATIVITY_REPORT) are made
//    synchronous, so they land in program order.
import fs from 'node:fs';
import Module from 'node:module';

let refused = 0;
const refuse = () => {
  refused++;
  return Promise.reject(new Error('network access disabled for this scan'));
};
const offlineGot = Object.assign(refuse, {
  get: refuse,
  head: refuse,
  post: refuse,
  stream: refuse,
  extend: () => offlineGot,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return offlineGot;
  return load.call(this, request, ...rest);
};

const report = process.env.ELECTRONEGATIVITY_REPORT;
const writeFile = fs.writeFile;
fs.writeFile = function (file, data, ...rest) {
  if (!report || String(file) !== report) return writeFile.call(this, file, data, ...rest);
  const callback = typeof rest.at(-1) === 'function' ? rest.pop() : () => {};
  try {
    fs.writeFileSync(file, data, rest[0]);
    process.nextTick(callback, null);
  } catch (err) {
    process.nextTick(callback, err);
  }
};

process.on('exit', () => {
  if (process.env.OFFLINE_GOT_REPORT) process.stderr.write(`offline: ${refused} request(s) refused locally\n`);
});
