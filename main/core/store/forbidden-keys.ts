import { isReservedKey } from '@shared/profile/reserved-keys';

export type JsonPath = (string | number)[];

/**
 * Paths of every prototype-reaching key (`__proto__`, `constructor`, `prototype`) in parsed JSON. JSON.parse keeps
 * such keys as harmless own properties, but any later spread or merge could turn them into prototype pollution, so
 * imports refuse them outright. Iterative, so hostile nesting depth cannot overflow the stack.
 */
export function findForbiddenKeys(root: unknown, limit = 100): JsonPath[] {
  const found: JsonPath[] = [];
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (isReservedKey(key)) found.push([...path, key]);
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return found;
}
