/**
 * The store backend for the desktop app: electron-store (conf underneath, same atomic writes). Pass it to
 * createServices as `storeBackend`. The store's own checks (recovery, migrations, zod) stay in main/core/store.
 */
import ElectronStore from 'electron-store';

import type { StoreBackendFactory } from '../core/store/backend';
import { CONF_OPTIONS, confLikeBackend } from '../core/store/conf-backend';

export const electronStoreBackend: StoreBackendFactory = ({ cwd, name }) =>
  confLikeBackend(new ElectronStore<Record<string, unknown>>({ cwd, name, ...CONF_OPTIONS }));
