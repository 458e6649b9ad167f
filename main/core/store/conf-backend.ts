import Conf from 'conf';

import type { StoreBackend, StoreBackendFactory, StoreBackendOptions } from './backend';

/** The part of conf's API the store needs; electron-store extends conf, so both fit. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * Options every conf-based backend must use: never clear an invalid file silently (the store moves it aside and
 * tells the user), keep the file private to the user because it holds email addresses, and write compact JSON
 * (a third smaller than conf's tab-indented default, which shortens every load; the file is not for hand-editing).
 */
export const CONF_OPTIONS = {
  clearInvalidConfig: false,
  configFileMode: 0o600,
  watch: false,
  serialize: (value: unknown) => JSON.stringify(value),
} as const;

export function confLikeBackend(conf: ConfLike): StoreBackend {
  return {
    filePath: conf.path,
    read: () => conf.store,
    // A shallow copy: conf may add its internal bookkeeping key to the object it is given.
    write: (document) => {
      conf.store = { ...(document as Record<string, unknown>) };
    },
  };
}

export const confBackendFactory: StoreBackendFactory = ({ cwd, name }: StoreBackendOptions) =>
  confLikeBackend(new Conf({ cwd, configName: name, projectName: 'mailadapter-assistant', ...CONF_OPTIONS }));
