import type { TranscriptEntry } from '@shared/probe/report';
import { z } from 'zod';

import { redactTranscript } from './redact';

/**
 * The parts of a stored probe report (kept by the store as opaque JSON) that the setup report prints. Each field is
 * read on its own and dropped if malformed, so an old or damaged report still yields what is readable; fields not
 * listed here never reach the output, whatever the stored JSON contains.
 */
const text = (max: number) => z.string().max(max).optional().catch(undefined);
const num = z.number().finite().optional().catch(undefined);

const stageSchema = z.object({
  stage: z.string().max(40),
  status: z.string().max(20),
  ms: z.number().finite().catch(0),
  note: text(500),
  details: z.object({ messages: num }).partial().optional().catch(undefined),
});

const certSchema = z.object({
  subject: text(500),
  issuerName: text(300),
  validTo: text(60),
  fingerprint256: text(200),
});

const reportSchema = z.object({
  ok: z.boolean().catch(false),
  code: z.string().max(64).catch('UNKNOWN'),
  stage: text(40),
  checkedAt: text(60),
  durationMs: num,
  stages: z.array(z.unknown()).max(20).catch([]),
  server: z
    .object({ product: text(40), greeting: text(1000) })
    .partial()
    .optional()
    .catch(undefined),
  tls: z
    .object({
      verdict: text(40),
      protocol: text(40),
      chain: z.array(z.unknown()).max(20).catch([]),
      inspection: z
        .object({ suspected: z.boolean().catch(false), issuer: text(300) })
        .optional()
        .catch(undefined),
    })
    .nullable()
    .optional()
    .catch(undefined),
  transcript: z.array(z.unknown()).max(1000).catch([]),
});

const transcriptEntrySchema = z.object({
  t: z.number().finite(),
  dir: z.enum(['client', 'server', 'note']),
  line: z.string().max(2000),
});

export interface TestReportView {
  recordedAt?: string;
  ok: boolean;
  code: string;
  stage?: string;
  checkedAt?: string;
  durationMs?: number;
  stages: { stage: string; status: string; ms: number; note?: string }[];
  messages?: number;
  server: { product?: string; greeting?: string };
  tls?: {
    verdict?: string;
    protocol?: string;
    subject?: string;
    issuer?: string;
    validTo?: string;
    fingerprint256?: string;
    inspectionSuspected?: boolean;
  };
  /** Already redacted. */
  transcript: TranscriptEntry[];
}

const pick = <T>(schema: z.ZodType<T>, items: unknown[]): T[] =>
  items.flatMap((i) => {
    const r = schema.safeParse(i);
    return r.success ? [r.data] : [];
  });

export function toTestReportView(
  stored: { recordedAt?: unknown; report?: unknown } | null | undefined,
): TestReportView | undefined {
  if (!stored || typeof stored.report !== 'object' || stored.report === null) return undefined;
  const parsed = reportSchema.safeParse(stored.report);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  const stages = pick(stageSchema, r.stages);
  const leaf = r.tls ? pick(certSchema, r.tls.chain)[0] : undefined;
  return {
    recordedAt: typeof stored.recordedAt === 'string' ? stored.recordedAt : undefined,
    ok: r.ok,
    code: r.code,
    stage: r.stage,
    checkedAt: r.checkedAt,
    durationMs: r.durationMs,
    stages: stages.map(({ stage, status, ms, note }) => ({ stage, status, ms, ...(note ? { note } : {}) })),
    messages: stages.find((s) => s.stage === 'mailbox')?.details?.messages,
    server: { product: r.server?.product, greeting: r.server?.greeting },
    tls: r.tls
      ? {
          verdict: r.tls.verdict,
          protocol: r.tls.protocol,
          subject: leaf?.subject,
          issuer: leaf?.issuerName,
          validTo: leaf?.validTo,
          fingerprint256: leaf?.fingerprint256,
          inspectionSuspected: r.tls.inspection?.suspected,
        }
      : undefined,
    transcript: redactTranscript(pick(transcriptEntrySchema, r.transcript)),
  };
}
