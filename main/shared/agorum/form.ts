/**
 * agorum core's administration page for the mail adapter, field by field, as agorum names and orders them. The
 * one definition the wizard's agorum step, the hand-over and the setup report render: each field gets a value to
 * copy, a secret that main copies from the keychain, an explicit "leave as is", or "nothing to enter here".
 * A route decides the values; a new route (the OAuth bridge) is one more branch in `agorumForm`, not new UI.
 */
import { type ServerType, serverType, type ServerTypeId } from '../bridge/server-type';
import { textKey } from '../text/keys';

/** agorum's fields in the order of its form. The form has no port field. */
export const AGORUM_FIELDS = ['name', 'serverType', 'emailHost', 'emailPath', 'emailUser', 'emailPassword'] as const;
export type AgorumFieldId = (typeof AGORUM_FIELDS)[number];

/** agorum's own label, the same in both languages (it is what the admin sees on agorum's page). */
export const AGORUM_FIELD_LABELS: Record<AgorumFieldId, string> = {
  name: 'Name',
  serverType: 'Server-Typ',
  emailHost: 'E-Mail-Host',
  emailPath: 'E-Mail-Pfad',
  emailUser: 'E-Mail-Benutzer',
  emailPassword: 'E-Mail-Passwort',
};

/** The secrets a form can ask for; main copies them from the keychain, they never travel as a value. */
export type AgorumSecret = 'app-password' | 'bridge-password';

export type AgorumEntry =
  | { kind: 'value'; value: string }
  | { kind: 'secret'; secret: AgorumSecret }
  /** Keep what agorum shows (its default, or what is already there). */
  | { kind: 'keep' }
  /** The route gives this field nothing to hold. */
  | { kind: 'none' };

const NOTES = {
  name: textKey('agorum:note.name'),
  serverTypeStandard: textKey('agorum:note.serverTypeStandard'),
  serverTypeOtherPort: textKey('agorum:note.serverTypeOtherPort'),
  serverTypeStarttls: textKey('agorum:note.serverTypeStarttls'),
  emailPath: textKey('agorum:note.emailPath'),
  emailUser: textKey('agorum:note.emailUser'),
  appPassword: textKey('agorum:note.appPassword'),
  bridgeHost: textKey('agorum:note.bridgeHost'),
  bridgePassword: textKey('agorum:note.bridgePassword'),
  oauthPassword: textKey('agorum:note.oauthPassword'),
};
export type AgorumNoteKey = (typeof NOTES)[keyof typeof NOTES];

export interface AgorumField {
  id: AgorumFieldId;
  label: string;
  entry: AgorumEntry;
  note?: { key: AgorumNoteKey; values?: Record<string, string | number> };
}

/** How the adapter reaches the mailbox on each route. */
export type AgorumRoute =
  | { route: 'app-password' }
  | { route: 'modern-auth' }
  /** The adapter talks to the OAuth bridge, which signs in to the mailbox's server. */
  | { route: 'bridge'; listenHost: string; serverType: ServerTypeId; port?: number };

export interface AgorumFormInput {
  name: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  user: string;
}

/** The Server-Typ that reaches a server with this security, and what to say about the missing port field. */
function serverTypeField(type: ServerType, port: number, starttls: boolean): AgorumField {
  const label = AGORUM_FIELD_LABELS.serverType;
  const entry = { kind: 'value', value: type.label } as const;
  if (port !== type.port)
    return {
      id: 'serverType',
      label,
      entry,
      note: { key: NOTES.serverTypeOtherPort, values: { port, standard: type.port } },
    };
  if (starttls) return { id: 'serverType', label, entry, note: { key: NOTES.serverTypeStarttls, values: { port } } };
  return { id: 'serverType', label, entry, note: { key: NOTES.serverTypeStandard, values: { port } } };
}

const value = (v: string): AgorumEntry => (v ? { kind: 'value', value: v } : { kind: 'none' });

export function agorumForm(input: AgorumFormInput, route: AgorumRoute): AgorumField[] {
  const L = AGORUM_FIELD_LABELS;
  const bridge = route.route === 'bridge' ? route : null;
  const type = bridge ? serverType(bridge.serverType) : serverType(input.security === 'tls' ? 'imaps' : 'imap');
  const password: AgorumField =
    route.route === 'app-password'
      ? {
          id: 'emailPassword',
          label: L.emailPassword,
          entry: { kind: 'secret', secret: 'app-password' },
          note: { key: NOTES.appPassword },
        }
      : bridge
        ? {
            id: 'emailPassword',
            label: L.emailPassword,
            entry: { kind: 'secret', secret: 'bridge-password' },
            note: { key: NOTES.bridgePassword },
          }
        : { id: 'emailPassword', label: L.emailPassword, entry: { kind: 'none' }, note: { key: NOTES.oauthPassword } };
  return [
    { id: 'name', label: L.name, entry: value(input.name), note: { key: NOTES.name } },
    bridge
      ? serverTypeField(type, bridge.port ?? type.port, false)
      : serverTypeField(type, input.port, input.security === 'starttls'),
    bridge
      ? {
          id: 'emailHost',
          label: L.emailHost,
          entry: value(bridge.listenHost),
          note: { key: NOTES.bridgeHost, values: { host: input.host } },
        }
      : { id: 'emailHost', label: L.emailHost, entry: value(input.host) },
    { id: 'emailPath', label: L.emailPath, entry: { kind: 'keep' }, note: { key: NOTES.emailPath } },
    { id: 'emailUser', label: L.emailUser, entry: value(input.user), note: { key: NOTES.emailUser } },
    password,
  ];
}
