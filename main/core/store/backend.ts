/**
 * Where the store document physically lives. The Electron app uses electron-store, plain Node (harness, tests)
 * uses its base library conf; both write the whole document atomically (temp file + rename).
 */
export interface StoreBackend {
  /** Absolute path of the JSON file. */
  readonly filePath: string;
  /** The parsed file contents ({} when the file does not exist); throws on unreadable or invalid JSON. */
  read(): unknown;
  /** Replaces the file atomically; throws (file unchanged) when the write fails. */
  write(document: object): void;
}

export interface StoreBackendOptions {
  /** Folder of the store file. */
  cwd: string;
  /** File name without extension. */
  name: string;
}

export type StoreBackendFactory = (opts: StoreBackendOptions) => StoreBackend;
