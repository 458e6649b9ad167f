/**
 * One word per thing, in each language (README, "Words"): the variants below name something the glossary calls
 * differently. Checked on every text of the catalogue, which is where UI, report, bundle and CLI take their words.
 */
import { type Catalogue, resources } from '@shared/text/resources';
import { describe, expect, it } from 'vitest';

interface Rule {
  /** A variant nobody should read. */
  variant: RegExp;
  /** The glossary's word, for the failure message. */
  use: string;
}

/** Microsoft's word is App-Kennwort, agorum's field is E-Mail-Passwort, GNOME's app is „Passwörter und Verschlüsselung“. */
const GERMAN: Rule[] = [
  {
    variant: /(?<!E-Mail-)\bPassw(?:ort|ört)(?!er und Verschlüsselung)/,
    use: 'Kennwort (agorum’s field: E-Mail-Passwort)',
  },
  { variant: /E-Mail-Adapter/, use: 'Mail-Adapter' },
  { variant: /Mailadapter(?! Assistant)/, use: 'Mail-Adapter' },
  { variant: /Postfach-Benutzer/, use: 'Postfachbenutzer' },
  {
    variant: /Basic Auth(?!entication)|Basic-Authentifizierung|Basisauthentifizierung/,
    use: 'Standardauthentifizierung',
  },
  { variant: /modernen? Anmeldung/, use: 'moderne Authentifizierung' },
  { variant: /Autorität/, use: 'Anmeldedienst (Authority)' },
  { variant: /\ber anmeldet\b/, use: 'er sich anmeldet' },
  { variant: /still erneuer/, use: 'im Hintergrund erneuert' },
];

const ENGLISH: Rule[] = [
  { variant: /\be-?mail adapter/i, use: 'mail adapter' },
  { variant: /\bmailbox-user\b/i, use: 'mailbox user' },
  { variant: /\bbasic auth(?!entication)/i, use: 'basic authentication' },
  { variant: /\bmodern (?:sign-in|login)\b/i, use: 'modern authentication' },
];

function texts(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

function offences(catalogue: Catalogue, rules: Rule[]): string[] {
  return texts(catalogue, '').flatMap(([path, text]) =>
    rules.filter((r) => r.variant.test(text)).map((r) => `${path}: “${text.match(r.variant)?.[0]}” → ${r.use}`),
  );
}

describe('the glossary holds in the catalogue', () => {
  it('German uses one word per thing', () => {
    expect(offences(resources.de, GERMAN)).toEqual([]);
  });

  it('English uses one word per thing', () => {
    expect(offences(resources.en, ENGLISH)).toEqual([]);
  });

  it('the rules catch the variants they are about', () => {
    const probe = (text: string, rules: Rule[]) => rules.some((r) => r.variant.test(text));
    expect(probe('Das Passwort ist falsch.', GERMAN)).toBe(true);
    expect(probe('Feld E-Mail-Passwort', GERMAN)).toBe(false);
    expect(probe('in „Passwörter und Verschlüsselung“', GERMAN)).toBe(false);
    expect(probe('der E-Mail-Adapter', GERMAN)).toBe(true);
    expect(probe('im Mailadapter Assistant', GERMAN)).toBe(false);
    expect(probe('mit dem sich der Adapter später anmeldet', GERMAN)).toBe(false);
    expect(probe('in welchem Mandanten er anmeldet', GERMAN)).toBe(true);
  });
});
