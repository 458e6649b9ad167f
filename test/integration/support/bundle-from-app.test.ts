/**
 * The support bundle as the composed app (createServices, as the harness and Electron run it) prepares it: the log
 * file is there from the first start, and a real connection test's certificate facts (alternative names, serial
 * numbers of leaf and CA) reach reports.json as the probe saw them, while secrets stay out.
 */
import { readFileSync } from 'node:fs';

import { probe } from '@core/imap/probe';
import { createServices, type Services } from '@core/services';
import { harnessAppInfo } from '@test/fixtures/app-info';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { imapResponder } from '@test/fixtures/imap-responder';
import { invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let pki: TestPki;
let server: ScriptedServer;
let services: Services | undefined;

beforeAll(async () => {
  pki = await createTestPki();
  server = await startScriptedImap({
    tls: { key: readFileSync(pki.valid.keyPath, 'utf8'), cert: readFileSync(pki.valid.certPath, 'utf8') },
    script: imapResponder(),
  });
});

afterAll(async () => {
  await services?.dispose();
  await server?.close();
  await pki?.dispose();
});

function start(dataDir: string): Services {
  const { platform } = createHarnessPlatform(() => {}, { dataDir });
  return createServices({
    dataDir,
    platform,
    appInfo: harnessAppInfo,
  });
}

describe('support bundle of the composed app', () => {
  it('holds the log file on a fresh start, and a test report with its certificate facts intact', async () => {
    const dataDir = tempDir('maa-bundle-');
    services = start(dataDir);
    const profile = okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Eingang' }));
    const report = await probe(
      { host: 'localhost', port: server.port, security: 'tls', user: '', networkOnly: true },
      { ca: [readFileSync(pki.ca.certPath, 'utf8')] },
    );
    expect(report).toMatchObject({ ok: true, code: 'OK' });
    const [leaf, ca] = report.tls!.chain;
    expect(leaf!.subjectAltNames).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1']);
    services.vault.recordReport(profile.id, report);

    const preview = okValue(await invoke(services.handlers, 'previewSupportBundle'));
    const byName = new Map(preview.files.map((f) => [f.name, f.content]));
    expect([...byName.keys()]).toContain('logs/main.log');
    expect(byName.get('logs/main.log')).toContain('services started: Mailadapter Assistant 0.1.0 (browser-harness');

    const reports = byName.get('reports.json')!;
    expect(reports).not.toContain('[too deep]');
    const bundled = JSON.parse(reports) as Record<string, { report: typeof report }[]>;
    const chain = bundled[profile.id]![0]!.report.tls!.chain;
    expect(chain[0]!.subjectAltNames).toEqual(leaf!.subjectAltNames);
    expect(chain[0]!.serialNumber).toBe(leaf!.serialNumber);
    expect(chain[0]!.fingerprint256).toBe(leaf!.fingerprint256);
    // The CA's serial too, and the same facts inside the stage details.
    expect(ca?.selfSigned).toBe(true);
    expect(chain[1]!.serialNumber).toBe(ca!.serialNumber);
    const tlsStage = bundled[profile.id]![0]!.report.stages.find((s) => s.stage === 'tls');
    expect(JSON.stringify(tlsStage)).toContain(leaf!.serialNumber);
  });
});
