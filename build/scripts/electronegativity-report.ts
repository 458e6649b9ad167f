/**
 * Reading Electronegativity's CSV report and deciding pass/fail. The tool exits 0 whatever it finds, so the
 * verdict is ours: every finding of severity MEDIUM or higher fails unless an allowlist entry (checked in at
 * build/electronegativity-allowlist.json, each with a reason) covers it; an entry that covers nothing fails too,
 * so the list cannot silently outlive the code it excused.
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface AllowlistEntry {
  id: string;
  file: string;
  /** Optional: only findings whose code sample contains this text. */
  sample?: string;
  reason: string;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes as "" and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Electronegativity's CSV: header `issue, severity, confidence, filename, location, sample, description, url`. */
export function parseElectronegativityCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0]?.trim() !== 'issue' || header[1]?.trim() !== 'severity') {
    throw new Error('not an Electronegativity CSV report (unexpected header)');
  }
  return rows.map((r) => {
    const severity = (r[1] ?? '').trim().toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(severity))
      throw new Error(`unknown severity "${r[1]}" for ${r[0]}`);
    return {
      id: (r[0] ?? '').trim(),
      severity: severity as Severity,
      confidence: (r[2] ?? '').trim(),
      file: (r[3] ?? '').trim().replace(/\\/g, '/'),
      location: (r[4] ?? '').trim(),
      sample: r[5] ?? '',
      description: r[6] ?? '',
    };
  });
}

export const isBlocking = (f: Finding) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf('MEDIUM');

export function validateAllowlist(raw: unknown): AllowlistEntry[] {
  if (!Array.isArray(raw)) throw new Error('the allowlist must be a JSON array');
  return raw.map((e: unknown, i) => {
    const entry = e as Partial<AllowlistEntry>;
    if (typeof entry.id !== 'string' || typeof entry.file !== 'string')
      throw new Error(`allowlist entry ${i}: id and file are required`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`allowlist entry ${i} (${entry.id} in ${entry.file}): give a reason of at least 20 characters`);
    }
    if (entry.sample !== undefined && typeof entry.sample !== 'string')
      throw new Error(`allowlist entry ${i}: sample must be text`);
    return {
      id: entry.id,
      file: entry.file,
      reason: entry.reason,
      ...(entry.sample !== undefined ? { sample: entry.sample } : {}),
    };
  });
}

const covers = (e: AllowlistEntry, f: Finding) =>
  e.id === f.id && e.file === f.file && (e.sample === undefined || f.sample.includes(e.sample));

export interface Verdict {
  /** MEDIUM+ findings no entry covers: each fails the build. */
  blocking: Finding[];
  /** MEDIUM+ findings an entry covers, with that entry's reason. */
  allowed: { finding: Finding; reason: string }[];
  /** Entries that cover no finding any more: each fails the build. */
  stale: AllowlistEntry[];
  /** LOW and INFORMATIONAL findings: reported, never failing. */
  informational: Finding[];
}

export function evaluate(findings: Finding[], allowlist: AllowlistEntry[]): Verdict {
  const verdict: Verdict = { blocking: [], allowed: [], stale: [], informational: [] };
  const used = new Set<AllowlistEntry>();
  for (const f of findings) {
    if (!isBlocking(f)) {
      verdict.informational.push(f);
      continue;
    }
    const entry = allowlist.find((e) => covers(e, f));
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ finding: f, reason: entry.reason });
    } else verdict.blocking.push(f);
  }
  verdict.stale = allowlist.filter((e) => !used.has(e));
  return verdict;
}
