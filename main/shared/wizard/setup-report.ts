/** The printable setup report: one self-contained HTML file for the admin's records or a support ticket. */
export type ExportSetupReportResult =
  | { saved: true; path: string; bytes: number }
  /** The user closed the save dialog without choosing a place. */
  | { saved: false };
