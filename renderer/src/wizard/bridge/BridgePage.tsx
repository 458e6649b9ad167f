/**
 * The frame of every bridge step: its purpose line, then the step's content for the active connection, with the
 * connection's bridge as main's view has it (null until it is first set up). Keyed by connection, so nothing a
 * page holds (a password shown once, a port check) carries over to another one.
 */
import './bridge.css';

import type { BridgeView } from '@shared/bridge/host-view';
import type { KeyIn } from '@shared/text/keys';
import type { ConnectionView } from '@shared/wizard/view';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useActive } from '../state/view-lookup';
import type { StepId } from '../steps';
import { DoneBar } from '../ui/DoneBar';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Lead } from '../ui/StepParts';

export interface BridgeContext {
  connection: ConnectionView;
  bridge: BridgeView | null;
}

/** `done`: the step's confirmation bar under its content (the steps where the admin confirms something). */
export function BridgePage({
  leadKey,
  render,
  done,
}: {
  leadKey: KeyIn<'bridge'>;
  render: (ctx: BridgeContext) => ReactNode;
  done?: { stepId: StepId; auto?: boolean };
}) {
  const { t } = useTranslation('bridge');
  const connection = useActive();
  return (
    <>
      <Lead>{t(leadKey)}</Lead>
      {connection ? (
        <Fragment key={connection.profile.id}>{render({ connection, bridge: connection.bridge })}</Fragment>
      ) : (
        <NeedsProfile textKey="oauth:track.needsProfile" />
      )}
      {done && <DoneBar stepId={done.stepId} auto={done.auto ?? false} />}
    </>
  );
}
