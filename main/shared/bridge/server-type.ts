/**
 * agorum core's mail adapter form has a *Server-Typ* but no port field, so the bridge must listen where that type
 * connects by default. The types are data: a new agorum option is one more row, not new code.
 */
export interface ServerType {
  /** The value as stored in the bridge configuration. */
  id: 'imap' | 'imaps';
  /** What agorum's form shows. */
  label: string;
  /** The port the adapter uses for this type when none can be entered. */
  port: number;
  /** How the adapter speaks on that port: in the clear (optionally STARTTLS) or TLS from the first byte. */
  transport: 'plain' | 'implicit-tls';
}

export const SERVER_TYPES: readonly ServerType[] = [
  { id: 'imap', label: 'IMAP', port: 143, transport: 'plain' },
  { id: 'imaps', label: 'IMAPS (SSL/TLS)', port: 993, transport: 'implicit-tls' },
] as const;

export type ServerTypeId = ServerType['id'];
export const SERVER_TYPE_IDS = ['imap', 'imaps'] as const satisfies readonly ServerTypeId[];

export function serverType(id: ServerTypeId): ServerType {
  return SERVER_TYPES.find((t) => t.id === id) ?? SERVER_TYPES[0]!;
}
