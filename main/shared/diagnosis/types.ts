/**
 * Shape of the diagnosis knowledge: plain data, one entry per probe code, naming its texts by catalogue key
 * (main/shared/text/<lang>/diagnosis.json). Texts may contain {{placeholders}} that `diagnose()` fills from the
 * report (host, issuer, server response, ...).
 */
import type { ProbeCode, ProbeStage, ServerProduct } from '../probe/codes';
import type { TextKey } from '../text/keys';

export type { Language } from '../text/resources';
export type CredentialKind = 'password' | 'xoauth2';

/** When a variant applies; every condition given must hold. */
export interface Applies {
  products?: ServerProduct[];
  credential?: CredentialKind[];
  stages?: ProbeStage[];
  /** The TLS chain looked re-signed by a proxy or firewall. */
  inspection?: boolean;
  networkOnly?: boolean;
  /** STARTTLS was used. */
  starttls?: boolean;
}

export interface CauseEntry {
  /** Stable id (tests and support refer to it). */
  id: string;
  /** Relative likelihood; causes are shown highest first. */
  weight: number;
  text: TextKey;
  /** Replaces `weight` by a computed one (see diagnose.ts); the data names the rule, code implements it. */
  weighting?: 'securityDefaultsAge';
  /**
   * Neither waiting nor testing again can change it (Exchange Online's switch-off of basic authentication). When
   * such a cause leads, the others are rated unlikely and no automatic retest is offered.
   */
  permanent?: true;
}

export interface ActionEntry {
  id: string;
  text: TextKey;
}

export interface DiagnosisVariant {
  when: Applies;
  title?: TextKey;
  meaning?: TextKey;
  /** Replace the base lists when given. */
  causes?: CauseEntry[];
  actions?: ActionEntry[];
}

export type Severity = 'success' | 'info' | 'warning' | 'error';

export interface DiagnosisEntry {
  code: ProbeCode;
  severity: Severity;
  title: TextKey;
  meaning: TextKey;
  causes: CauseEntry[];
  actions: ActionEntry[];
  /** Checked in order; the first that applies overrides what it defines. */
  variants?: DiagnosisVariant[];
}

export type Likelihood = 'high' | 'medium' | 'low';

/** A diagnosis ready to show: one language, placeholders filled, causes ranked. */
export interface DiagnosisCard {
  code: ProbeCode;
  severity: Severity;
  stage: ProbeStage;
  product: ServerProduct;
  title: string;
  meaning: string;
  causes: Array<{ id: string; text: string; likelihood: Likelihood }>;
  actions: Array<{ id: string; text: string }>;
  /** Facts from the report behind the verdict (server answer, issuer, addresses), already localized labels. */
  evidence: string[];
}
