/**
 * Types every `t()` call against the catalogue: a key that does not exist fails the type-check. German is the
 * reference shape (resources.ts checks English against it).
 */
import 'i18next';

import type { Catalogue } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Catalogue;
    returnNull: false;
    strictKeyChecks: true;
  }
}
