/** The complete diagnosis knowledge, keyed by probe code (a unit test checks every code has exactly one entry). */
import type { ProbeCode } from '../probe/codes';
import { authEntries } from './entries-auth';
import { connectionEntries } from './entries-connection';
import { mailboxEntries } from './entries-mailbox';
import { resetEntries } from './entries-reset';
import { sessionEntries } from './entries-session';
import { tlsEntries } from './entries-tls';
import type { DiagnosisEntry } from './types';

const all = [
  ...connectionEntries,
  ...resetEntries,
  ...tlsEntries,
  ...sessionEntries,
  ...authEntries,
  ...mailboxEntries,
];

export const DIAGNOSES = Object.fromEntries(all.map((entry) => [entry.code, entry])) as Record<
  ProbeCode,
  DiagnosisEntry
>;

/** Entries listed twice would silently shadow each other; tests check this stays empty. */
export const duplicateDiagnosisCodes = (): ProbeCode[] =>
  all.map((e) => e.code).filter((code, index, codes) => codes.indexOf(code) !== index);
