/**
 * The one text catalogue (main/shared/text): German and English say the same things — same keys, same
 * placeholders, same markup, no empty text — and every key the code names exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { LANGUAGES, namespaces, resources } from '@shared/text/resources';
import { describe, expect, it } from 'vitest';

import { duplicateKeys } from './duplicate-keys';

const root = fileURLToPath(new URL('../../..', import.meta.url));

type Leaf = string | string[];

/**
 * `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; lists stay whole (they are one text of several items), a list of lists (a
 * figure's table) gives one list per row.
 */
export function flatten(value: unknown, prefix = '', out: Record<string, Leaf> = {}): Record<string, Leaf> {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const at = prefix ? `${prefix}.${key}` : key;
    const isList = Array.isArray(child) && child.every((item) => typeof item === 'string');
    if (typeof child === 'string' || isList) out[at] = child as Leaf;
    else if (child && typeof child === 'object') flatten(child, at, out);
    else out[at] = String(child);
  }
  return out;
}

const texts = (leaf: Leaf): string[] => (Array.isArray(leaf) ? leaf : [leaf]);
/** Interpolation variables (`{{host}}`) and nested lookups (`$t(…)`), sorted. */
const variables = (leaf: Leaf) =>
  [...new Set(texts(leaf).flatMap((t) => [...t.matchAll(/\{\{\s*([\w.]+)|\$t\(([^)]+)\)/g)].map((m) => m[1] ?? m[2])))]
    .filter(Boolean)
    .sort();
const markup = (leaf: Leaf) =>
  texts(leaf)
    .flatMap((t) => t.match(/<\/?\w+>/g) ?? [])
    .sort();

const flat = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, flatten(resources[lang][ns])]))]),
);

describe('text catalogue', () => {
  it.each(namespaces)('%s: German and English have the same keys', (ns) => {
    expect(Object.keys(flat.en![ns]!).sort()).toEqual(Object.keys(flat.de![ns]!).sort());
  });

  it.each(namespaces)('%s: each text has the same placeholders, markup and list length in both languages', (ns) => {
    const de = flat.de![ns]!;
    const en = flat.en![ns]!;
    for (const key of Object.keys(de).filter((k) => k in en)) {
      expect(variables(en[key]!), `${ns}:${key}`).toEqual(variables(de[key]!));
      expect(markup(en[key]!), `${ns}:${key}`).toEqual(markup(de[key]!));
      expect(texts(en[key]!).length, `${ns}:${key}`).toBe(texts(de[key]!).length);
    }
  });

  it.each(namespaces)('%s: no text is empty', (ns) => {
    for (const lang of LANGUAGES) {
      const empty = Object.entries(flat[lang]![ns]!).filter(([, leaf]) => texts(leaf).some((t) => !t.trim()));
      expect(empty.map(([key]) => `${lang}/${ns}:${key}`)).toEqual([]);
    }
  });

  it('has both plural forms wherever it has one', () => {
    for (const lang of LANGUAGES) {
      for (const ns of namespaces) {
        const keys = Object.keys(flat[lang]![ns]!);
        for (const key of keys.filter((k) => /_(one|other)$/.test(k))) {
          const base = key.replace(/_(one|other)$/, '');
          expect(keys, `${lang}/${ns}:${base}`).toEqual(expect.arrayContaining([`${base}_one`, `${base}_other`]));
        }
      }
    }
  });
});

/** Source files that look texts up: the app, the CLI and the browser specs (which read the catalogue too). */
function sources(): string[] {
  return ['main', 'renderer/src', 'test/e2e', 'test/fixtures'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

const NS = namespaces.join('|');
/** `'wizard:steps.start.title'` — a whole key (or a group of keys, `'errors:field'`) in quotes. */
const WHOLE = new RegExp(`['"\`](?:${NS}):[\\w.-]+['"\`]`, 'g');
/** `` `probe:stage.${stage}` `` — a key computed from a prefix; some key must start with the prefix. */
const PREFIX = new RegExp(`\`((?:${NS}):[\\w.-]*)\\$\\{`, 'g');

describe('catalogue files', () => {
  const files = LANGUAGES.flatMap((lang) =>
    readdirSync(path.join(root, 'main/shared/text', lang))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join('main/shared/text', lang, f)),
  );

  it('the duplicate-key reader finds a key given twice, at any depth, and nothing in clean JSON', () => {
    expect(duplicateKeys('{"a": {"b": "x", "c": ["{", "}"], "b": "y"}, "d": [{"e": 1, "e": 2}]}')).toEqual([
      'a.b',
      'd[].e',
    ]);
    expect(duplicateKeys('{"a": {"b": "x"}, "c": {"b": "x, \\"b\\": y"}}')).toEqual([]);
  });

  it('no object in a catalogue file holds a key twice (JSON.parse would keep only the last)', () => {
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) =>
      duplicateKeys(readFileSync(path.join(root, f), 'utf8')).map((k) => `${f}: ${k}`),
    );
    expect(found).toEqual([]);
  });
});

describe('keys named in code', () => {
  const allKeys = new Set(
    namespaces.flatMap((ns) => Object.keys(flat.de![ns]!).map((k) => `${ns}:${k.replace(/_(one|other)$/, '')}`)),
  );
  const files = sources();
  /** An illustration names its two texts by their stem (`oauth:ids.figure` for …figureAlt and …figureCaption). */
  const isFigureStem = (key: string) => {
    const stem = /^(.+\.figure)([A-Z]?)$/.exec(key);
    return Boolean(stem && allKeys.has(`${stem[1]}Alt${stem[2]}`) && allKeys.has(`${stem[1]}Caption${stem[2]}`));
  };

  it('finds the files it scans', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('names only keys that exist, also where types cannot see (casts, runtime prefixes)', () => {
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(WHOLE)) {
        const key = m[0].slice(1, -1);
        const group = [...allKeys].some((k) => k.startsWith(`${key}.`));
        if (!allKeys.has(key) && !group && !isFigureStem(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
      for (const m of source.matchAll(PREFIX)) {
        const prefix = m[1]!;
        if (![...allKeys].some((k) => k.startsWith(prefix))) missing.push(`${path.relative(root, file)}: ${prefix}…`);
      }
    }
    expect(missing).toEqual([]);
  });
});
