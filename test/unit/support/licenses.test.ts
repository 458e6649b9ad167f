import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { collectLicenses, type NpmTreeNode } from '@core/support/licenses';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('licences of bundled dependencies', () => {
  it('flattens the tree once per name@version, skips missing optional packages, reads licence texts', () => {
    const tree: NpmTreeNode = {
      dependencies: {
        zod: {
          version: '4.0.0',
          license: 'MIT',
          path: '/nm/zod',
          repository: { url: 'git+https://github.com/colinhacks/zod.git' },
        },
        react: {
          version: '19.0.0',
          license: 'MIT',
          path: '/nm/react',
          dependencies: { scheduler: { version: '0.1.0', license: { type: 'MIT' }, path: '/nm/scheduler' } },
        },
        'react-dom': {
          version: '19.0.0',
          license: 'MIT',
          path: '/nm/react-dom',
          dependencies: { scheduler: { version: '0.1.0', path: '/nm/scheduler' } },
        },
        '@napi-rs/keyring-darwin-arm64': { missing: true },
        weird: { version: '1.0.0', path: '/nm/weird' },
      },
    };
    const list = collectLicenses(tree, (dir) => (dir === '/nm/zod' ? 'MIT License …' : undefined));
    expect(list.map((p) => `${p.name}@${p.version} ${p.license}`)).toEqual([
      'react@19.0.0 MIT',
      'react-dom@19.0.0 MIT',
      'scheduler@0.1.0 MIT',
      'weird@1.0.0 UNKNOWN',
      'zod@4.0.0 MIT',
    ]);
    expect(list.find((p) => p.name === 'zod')).toMatchObject({
      repository: 'https://github.com/colinhacks/zod',
      text: 'MIT License …',
    });
  });

  it('covers the real production dependencies (npm ls) with a licence for each', () => {
    const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const list = collectLicenses(JSON.parse(r.stdout) as NpmTreeNode);
    const names = list.map((p) => p.name);
    for (const dep of ['react', 'react-dom', 'i18next', 'zod', 'imapflow', 'electron-log', 'fflate'])
      expect(names).toContain(dep);
    // Dev-only tools are not shipped and not listed.
    for (const dev of ['vitest', 'electron-builder', '@doyensec/electronegativity', 'eslint'])
      expect(names).not.toContain(dev);
    expect(list.filter((p) => p.license === 'UNKNOWN')).toEqual([]);
    expect(list.find((p) => p.name === 'react')?.text).toMatch(/MIT License/);
  });
});
