/**
 * Key types derived from the catalogue itself, for data and props that name a text without looking it up yet
 * (diagnosis entries, step specs). A key that is not in the catalogue fails the type-check.
 */
import type { Catalogue, Namespace } from './resources';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;

type Leaves<T, Want> = {
  [K in keyof T & string]: T[K] extends Want
    ? Base<K>
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? `${K}.${Leaves<T[K], Want>}`
        : never;
}[keyof T & string];

/** Keys of one namespace (without the `ns:` prefix) whose value is a string. */
export type KeyIn<N extends Namespace> = Leaves<Catalogue[N], string>;
/** Keys of one namespace whose value is a list of strings (instructions, bullets). */
export type ListKeyIn<N extends Namespace> = Leaves<Catalogue[N], readonly string[]>;

/** Any string text: `namespace:path.to.key`. */
export type TextKey = { [N in Namespace]: `${N}:${KeyIn<N>}` }[Namespace];
/** Any list text: `namespace:path.to.list`. */
export type ListKey = { [N in Namespace]: `${N}:${ListKeyIn<N>}` }[Namespace];

/** Checks a key against the catalogue and keeps its exact type (a template like `probe:stage.${stage}` stays a union). */
export const textKey = <K extends TextKey>(key: K): K => key;
