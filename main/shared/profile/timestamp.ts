import { z } from 'zod';

/**
 * An ISO 8601 timestamp as `Date.prototype.toISOString` writes it (offsets accepted too). A plain regex: the
 * store checks tens of thousands of these on every load, and z.iso.datetime costs noticeably more.
 */
export const isoTimestampSchema = z
  .string()
  .regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-][0-2]\d:[0-5]\d)$/, {
    error: 'timestamp.invalid',
  });
