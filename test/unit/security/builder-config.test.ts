import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { ICNS_TYPES, pngSize } from '../../../build/scripts/icon-formats';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

interface BuilderConfig {
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[]; icon: string };
  msi: Record<string, unknown>;
  mac: Record<string, unknown> & { target: { target: string }[] };
  linux: { target: { target: string }[]; icon: string };
  [key: string]: unknown;
}
const config = yaml.load(read('build/electron-builder.yml')) as BuilderConfig;

describe('build/electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema (app-builder-lib/scheme.json)", () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail (an unknown option and a wrong type are caught)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, msi: { ...config.msi, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages only the build output: out/** without source maps, never sources or tests', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('!out/**/*.map');
    for (const f of config.files.filter((p) => !p.startsWith('!'))) {
      expect(f, f).toMatch(/^(out\/|package\.json$)/);
    }
  });

  it('Windows: a per-machine MSI with a fixed upgrade code and a Start-menu shortcut', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['msi']);
    expect(config.msi).toMatchObject({
      perMachine: true,
      createStartMenuShortcut: true,
      runAfterFinish: false,
      shortcutName: 'Mailadapter Assistant',
    });
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.productName).toBe('Mailadapter Assistant');
    expect((config.extraMetadata as { author: { name: string } }).author.name.length).toBeGreaterThan(0);
    const pkg = JSON.parse(read('package.json')) as { version: string };
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/); // MSI ProductVersion comes from here
  });

  it('macOS: a DMG with hardened runtime, minimal entitlements and notarisation from the environment', () => {
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    for (const key of ['entitlements', 'entitlementsInherit'] as const) {
      const plist = read(config.mac[key] as string);
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
      expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('Linux: AppImage and deb', () => {
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('holds no secrets: no certificate, password or Apple credential in the config', () => {
    const text = read('build/electron-builder.yml');
    for (const key of [
      'cscLink',
      'cscKeyPassword',
      'certificatePassword',
      'certificateFile',
      'appleId',
      'appleIdPassword',
      'teamId',
      'keychain',
    ]) {
      expect(text).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
    }
  });

  it('icons exist for every platform and match the sizes they claim', () => {
    const ico = readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const icoSizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (let i = 0; i < count; i++) {
      const len = ico.readUInt32LE(6 + 16 * i + 8);
      const at = ico.readUInt32LE(6 + 16 * i + 12);
      expect(pngSize(ico.subarray(at, at + len)).width).toBe(icoSizes[i]);
    }
    const icns = readFileSync(path.join(root, config.mac.icon as string));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(path.join(root, config.linux.icon, `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
    expect(existsSync(path.join(root, 'build/icon.svg'))).toBe(true);
  });
});

describe('.github/workflows/release.yml', () => {
  const wf = yaml.load(read('.github/workflows/release.yml')) as {
    jobs: Record<string, { 'runs-on': string; steps: { run?: string; env?: Record<string, string> }[] }>;
  };
  const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

  it('builds the MSI on Windows and the DMG on macOS', () => {
    expect(wf.jobs['windows-msi']!['runs-on']).toMatch(/^windows-/);
    expect(runs('windows-msi')).toContain('npm run dist:win');
    expect(JSON.stringify(wf.jobs['macos-dmg'])).toMatch(/macos-1\d/);
    expect(runs('macos-dmg')).toContain('npm run dist:mac');
  });

  it('takes every credential from repository secrets', () => {
    const text = read('.github/workflows/release.yml');
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        for (const [name, value] of Object.entries(step.env ?? {})) {
          if (/CSC|APPLE|PASSWORD|KEY/.test(name) && !/AUTO_DISCOVERY/.test(name))
            expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
        }
      }
    }
    expect(text).not.toMatch(/-----BEGIN/);
  });
});
