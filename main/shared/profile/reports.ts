/**
 * Test reports kept per profile. The probe defines the report's shape (main/shared/probe); the store keeps it as
 * opaque JSON so both can evolve independently, and caps count and size.
 */
export const MAX_REPORTS_PER_PROFILE = 20;
/** A single report larger than this (serialized) is not kept. */
export const MAX_REPORT_BYTES = 256 * 1024;

export interface StoredReport {
  /** When the store received the report. */
  recordedAt: string;
  report: unknown;
}
