/**
 * Builds diagnosis entries from where their texts live in the catalogue: a code's texts sit under
 * `diagnosis:<CODE>.` as `title`, `meaning`, `causes.<id>` and `actions.<id>`, a variant's own ones under
 * `diagnosis:<CODE>.<variant>.`. So an entry names only ids and weights, and the ids are still checked against the
 * catalogue: one without a text fails the type-check.
 */
import type { ProbeCode } from '../probe/codes';
import type { TextKey } from '../text/keys';
import type { ActionEntry, Applies, CauseEntry, DiagnosisEntry, DiagnosisVariant, Severity } from './types';

/** What follows `diagnosis:<P>.` in the catalogue's keys. */
type Under<P extends string> = TextKey extends infer K
  ? K extends `diagnosis:${P}.${infer Rest}`
    ? Rest
    : never
  : never;

/** A cause by its id under `<P>.causes` and its weight (and rules), or a shared cause as it is. */
type CauseSpec<Id extends string> =
  CauseEntry | readonly [id: Id, weight: number, rules?: Pick<CauseEntry, 'weighting' | 'permanent'>];
/** An action by its id under `<P>.actions`, or a shared action as it is. */
type ActionSpec<Id extends string> = ActionEntry | Id;
export type ActionId<P extends string> = Under<`${P}.actions`>;

interface VariantSpec<P extends string> {
  when: Applies;
  /** The variant's own texts under `<CODE>.<variant>.` that replace the entry's. */
  texts?: ReadonlyArray<Extract<Under<P>, 'title' | 'meaning'>>;
  causes?: ReadonlyArray<CauseSpec<Under<`${P}.causes`>>>;
  actions?: ReadonlyArray<ActionSpec<ActionId<P>>>;
}

/** The variant names a code's texts have: `<CODE>.<name>.…` other than its own causes and actions. */
type VariantName<C extends string> =
  Under<C> extends infer Rest
    ? Rest extends `${infer N}.${string}`
      ? Exclude<N, 'causes' | 'actions'>
      : never
    : never;

/** A named variant uses its own texts; one without a name only shared causes and actions. */
type Variant<C extends string> =
  | { [N in VariantName<C>]: { name: N } & VariantSpec<`${C}.${N}`> }[VariantName<C>]
  | ({ name?: undefined } & VariantSpec<never>);

const key = (path: string) => `diagnosis:${path}` as TextKey;

/** The title and meaning under `<P>.`. */
export const titleAndMeaning = (prefix: string): { title: TextKey; meaning: TextKey } => ({
  title: key(`${prefix}.title`),
  meaning: key(`${prefix}.meaning`),
});

const causesUnder = (prefix: string, specs: ReadonlyArray<CauseSpec<string>>): CauseEntry[] =>
  specs.map((spec) => {
    if ('text' in spec) return spec;
    const [id, weight, rules] = spec;
    return { id, weight, ...rules, text: key(`${prefix}.causes.${id}`) };
  });

/** Actions by id under `<P>.actions` (shared ones pass as they are). */
export const actionsUnder = (prefix: string, specs: ReadonlyArray<ActionSpec<string>>): ActionEntry[] =>
  specs.map((spec) => (typeof spec === 'string' ? { id: spec, text: key(`${prefix}.actions.${spec}`) } : spec));

/** What every variant is, once its ids have been checked. */
interface AnyVariant {
  name?: string;
  when: Applies;
  texts?: readonly string[];
  causes?: ReadonlyArray<CauseSpec<string>>;
  actions?: ReadonlyArray<ActionSpec<string>>;
}

function variantOf(code: string, variant: AnyVariant): DiagnosisVariant {
  const prefix = `${code}.${variant.name}`;
  const built: DiagnosisVariant = { when: variant.when };
  if (variant.texts?.includes('title')) built.title = key(`${prefix}.title`);
  if (variant.texts?.includes('meaning')) built.meaning = key(`${prefix}.meaning`);
  if (variant.causes) built.causes = causesUnder(prefix, variant.causes);
  if (variant.actions) built.actions = actionsUnder(prefix, variant.actions);
  return built;
}

/** The entry for `code`, its texts taken from under `diagnosis:<code>.`. */
export function entry<C extends ProbeCode>(
  code: C,
  severity: Severity,
  spec: {
    causes: ReadonlyArray<CauseSpec<Under<`${C}.causes`>>>;
    actions: ReadonlyArray<ActionSpec<ActionId<C>>>;
    /** Checked in order; the first that applies overrides what it defines. */
    variants?: ReadonlyArray<Variant<C>>;
  },
): DiagnosisEntry {
  return {
    code,
    severity,
    ...titleAndMeaning(code),
    causes: causesUnder(code, spec.causes),
    actions: actionsUnder(code, spec.actions),
    ...(spec.variants ? { variants: spec.variants.map((v) => variantOf(code, v)) } : {}),
  };
}
