/**
 * `npm run bench:store`: how long opening the store and listing profiles takes with 1,000 profiles, each with
 * wizard progress for every step (target: load + list ≤ 50 ms), and the same again with two test reports each.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { openAppStore } from '@core/store/app-store';
import { confBackendFactory } from '@core/store/conf-backend';
import { emptyDocument, type StoreDocument } from '@core/store/store-document';

const PROFILES = 1000;
const RUNS = 25;
const TARGET_MS = 50;
const STEPS = [
  'start',
  'profile',
  'network',
  'securityDefaults',
  'perUserMfa',
  'appPassword',
  'test',
  'agorum',
  'morePasswords',
];

/**
 * Writes the document through conf, the backend the app uses, so the file looks exactly like a real one.
 * `reportsPerProfile` adds stored test reports (~0.7 KiB each) on top of profiles and full wizard progress.
 */
function seed(dir: string, reportsPerProfile: number): void {
  const at = new Date('2026-11-20T09:00:00.000Z').toISOString();
  const report = {
    outcome: 'auth-failed',
    stages: Array.from({ length: 6 }, (_, k) => ({
      stage: k,
      ms: 120,
      lines: ['* OK The Microsoft Exchange IMAP4 service is ready.', 'NO LOGIN failed.'],
    })),
  };
  const doc: StoreDocument = { ...emptyDocument(), profiles: [], progress: {}, reports: {} };
  for (let i = 0; i < PROFILES; i++) {
    const id = `bench-${i.toString().padStart(4, '0')}`;
    doc.profiles.push({
      id,
      displayName: `Postfach ${i} – Mandant ${i % 37}`,
      tenantLabel: `mandant-${i % 37}.onmicrosoft.com`,
      mailboxUser: `postfach${i}@mandant-${i % 37}.de`,
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      createdAt: at,
      updatedAt: at,
    });
    doc.progress[id] = {
      currentStepId: 'test',
      steps: Object.fromEntries(
        STEPS.map((s) => [
          s,
          { status: 'done', confirmedAt: at, confirmations: [at], note: 'erledigt laut Admin', updatedAt: at },
        ]),
      ),
    };
    if (reportsPerProfile > 0)
      doc.reports[id] = Array.from({ length: reportsPerProfile }, () => ({ recordedAt: at, report }));
  }
  confBackendFactory({ cwd: dir, name: 'store' }).write(doc);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

interface Measured {
  label: string;
  size: number;
  load: number[];
  list: number[];
  total: number[];
  write: number[];
}

function measure(label: string, reportsPerProfile: number): Measured {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'maa-bench-store-'));
  try {
    seed(dir, reportsPerProfile);
    const m: Measured = {
      label,
      size: statSync(path.join(dir, 'store.json')).size,
      load: [],
      list: [],
      total: [],
      write: [],
    };
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const store = openAppStore({ dataDir: dir });
      const t1 = performance.now();
      const profiles = store.listProfiles();
      const t2 = performance.now();
      if (profiles.length !== PROFILES) throw new Error(`expected ${PROFILES} profiles, got ${profiles.length}`);
      if (store.loadEvents.length) throw new Error(`unexpected load events: ${JSON.stringify(store.loadEvents)}`);
      m.load.push(t1 - t0);
      m.list.push(t2 - t1);
      m.total.push(t2 - t0);
      if (i < 5) {
        const w0 = performance.now();
        store.updateSettings({ language: i % 2 ? 'de' : 'en' });
        m.write.push(performance.now() - w0);
      }
    }
    return m;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
const scenarios = [measure('profiles + progress', 0), measure('… + 2 test reports each', 2)];
const load = os.loadavg()[0]!.toFixed(2);
console.log(
  `\nStore load with ${PROFILES} profiles, ${RUNS} runs each, Node ${process.version}, ${os.cpus().length} CPUs, load average ${load}`,
);
console.log('(ms; "first" is the first open in this process, including zod/V8 warm-up)\n');
console.log(
  `${'scenario'.padEnd(26)}${'file'.padStart(9)}  ${'metric'.padEnd(22)}${'first'.padStart(8)}${'median'.padStart(8)}${'p95'.padStart(8)}${'target'.padStart(8)}  verdict`,
);
for (const m of scenarios) {
  const rows: [string, number[], number | null][] = [
    ['open (read, zod)', m.load, null],
    ['list (sorted)', m.list, null],
    ['load + list', m.total, m === scenarios[0] ? TARGET_MS : null],
    ['one atomic write', m.write, null],
  ];
  rows.forEach(([name, xs, target], i) => {
    const verdict = target === null ? '' : median(xs) <= target ? 'OK' : 'OVER TARGET';
    const head = i === 0 ? `${m.label.padEnd(26)}${`${(m.size / 1024).toFixed(0)} KiB`.padStart(9)}` : ' '.repeat(35);
    console.log(
      `${head}  ${name.padEnd(22)}${fmt(xs[0]!)}${fmt(median(xs))}${fmt(p95(xs))}${(target === null ? '–' : `≤ ${target}`).padStart(8)}  ${verdict}`,
    );
  });
}
if (median(scenarios[0]!.total) > TARGET_MS) process.exitCode = 1;
