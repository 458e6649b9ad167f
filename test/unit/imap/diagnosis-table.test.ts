import { DIAGNOSES } from '@shared/diagnosis/catalog';
import { BRIDGE_DIAGNOSES } from '@shared/diagnosis/entries-bridge';
import { describe, expect, it } from 'vitest';

// The entries are built from their catalogue layout (entry.ts); these pin the result field for field and in order,
// so a change to the builder cannot change a diagnosis unnoticed. After a deliberate change to an entry, update
// with `npx vitest run -c test/vitest.config.ts -u test/unit/imap/diagnosis-table.test.ts` and review the diff.
describe('diagnosis tables', () => {
  it('the probe diagnoses are exactly the reviewed ones', () => {
    expect(JSON.stringify(DIAGNOSES, null, 2)).toMatchSnapshot();
  });

  it('the bridge test diagnoses are exactly the reviewed ones', () => {
    expect(JSON.stringify(BRIDGE_DIAGNOSES, null, 2)).toMatchSnapshot();
  });
});
