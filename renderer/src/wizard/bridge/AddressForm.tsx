/**
 * Server-Typ, address and port of the bridge, with the free-port check. agorum core's form has no port field, so an
 * empty port means the Server-Typ's standard one, and a taken address is explained (agorum core's own IMAP server
 * holds that port, typically) with free alternatives one click away.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { type BridgeSetup, bridgeSetupSchema } from '@shared/bridge/host-settings';
import type { BridgePortCheck } from '@shared/bridge/host-view';
import { SERVER_TYPES, serverType, type ServerTypeId } from '@shared/bridge/server-type';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Field, TextField } from '../ui/Field';
import { SearchIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import type { BridgeContext } from './BridgePage';
import { PortCheckResult } from './PortCheckResult';
import { useIssueText } from './use-issue-text';

type Errors = Partial<Record<'host' | 'port' | 'form', string>>;

export function AddressForm({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const issueText = useIssueText();
  const settings = bridge?.settings;
  const profileId = connection.profile.id;
  const [type, setType] = useState<ServerTypeId>(settings?.serverType ?? 'imap');
  const [host, setHost] = useState(settings?.host ?? '127.0.0.1');
  const [port, setPort] = useState(settings && !settings.portFollowsServerType ? String(settings.port) : '');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');
  const [check, setCheck] = useState<BridgePortCheck | null>(null);
  const [checking, setChecking] = useState(false);

  const address = (h: string, p: number) => (h.includes(':') ? `[${h}]:${p}` : `${h}:${p}`);
  const standard = serverType(type).port;

  /** The setup as typed, checked by the contract's own schema before it goes to main. */
  const parse = (over: { host?: string; port?: string } = {}) => {
    const rawPort = (over.port ?? port).trim();
    const setup: BridgeSetup = {
      serverType: type,
      tls: serverType(type).transport === 'implicit-tls' ? 'implicit' : 'none',
      host: (over.host ?? host).trim(),
      port: rawPort === '' ? null : Number(rawPort),
    };
    const parsed = bridgeSetupSchema.safeParse(setup);
    if (parsed.success) return { setup: parsed.data, errors: {} };
    const found: Errors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'host' || issue.path[0] === 'port' ? issue.path[0] : 'form';
      found[field] ??= issueText(issue.message);
    }
    return { setup: null, errors: found };
  };

  const save = async (over: { host?: string; port?: string } = {}) => {
    setMessage('');
    const { setup, errors: found } = parse(over);
    setErrors(found);
    if (!setup) return;
    const r = await wizard.configureBridge({ profileId, setup }, { quiet: true });
    if (!r.ok) {
      const issue = (r.error.details as { issues?: { message: string }[] } | undefined)?.issues?.[0]?.message;
      setErrors({ form: issue ? issueText(issue) : t('setup.invalid.other', { message: r.error.message }) });
      return;
    }
    const saved = r.value.active?.bridge?.settings;
    if (saved) setMessage(t('setup.saved', { address: address(saved.host, saved.port) }));
    setCheck(null);
  };

  const runCheck = async () => {
    const { setup, errors: found } = parse();
    setErrors(found);
    if (!setup?.host) return;
    setChecking(true);
    const r = await wizard.checkBridgePort({ profileId, host: setup.host, port: setup.port ?? standard });
    setChecking(false);
    setCheck(r.ok ? r.value : null);
  };

  const useAlternative = (h: string, p: number) => {
    const nextPort = p === standard ? '' : String(p);
    setHost(h);
    setPort(nextPort);
    void save({ host: h, port: nextPort });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <Section title={t('setup.addressTitle')} testId="bridge-address">
      <form className="bridge-form" onSubmit={submit} noValidate>
        <Field label={t('setup.serverType')}>
          {(ids) => (
            <select
              id={ids.id}
              value={type}
              onChange={(e) => setType(e.target.value as ServerTypeId)}
              data-testid="bridge-server-type"
            >
              {SERVER_TYPES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('setup.host')}
          hint={t('setup.hostHint')}
          error={errors.host}
          value={host}
          onChange={setHost}
          spellCheck={false}
          testId="bridge-host"
        />
        <TextField
          label={t('setup.port')}
          hint={t('setup.portHint', { port: standard })}
          error={errors.port}
          value={port}
          onChange={setPort}
          inputMode="numeric"
          placeholder={String(standard)}
          testId="bridge-port"
        />
        {errors.form && (
          <p className="field-error" role="alert" data-testid="bridge-form-error">
            {errors.form}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="bridge-save">
            {t('setup.save')}
          </button>
          <button type="button" className="button" disabled={checking} onClick={() => void runCheck()}>
            {checking ? <SpinnerIcon size={16} /> : <SearchIcon size={16} />}
            {checking ? t('setup.checking') : t('setup.check')}
          </button>
          <span className="form-notice" role="status" aria-live="polite" data-testid="bridge-save-status">
            {message}
          </span>
        </div>
      </form>
      {check && <PortCheckResult check={check} onUse={useAlternative} />}
    </Section>
  );
}
