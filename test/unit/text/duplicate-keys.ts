/**
 * JSON.parse keeps the last of two equal keys in one object without a word, so a text merged in twice loses its
 * first version silently. This reads the JSON text itself and names every key an object holds twice, by path.
 */
export function duplicateKeys(json: string): string[] {
  type Frame =
    | { kind: 'object'; path: string; keys: Set<string>; key: string | null; expectKey: boolean }
    | { kind: 'array'; path: string };
  const stack: Frame[] = [];
  const found: string[] = [];
  const childPath = () => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.kind === 'object' ? (top.path ? `${top.path}.${top.key}` : (top.key ?? '')) : `${top.path}[]`;
  };
  for (const [token] of json.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\],]/g)) {
    const top = stack.at(-1);
    if (token === '{') stack.push({ kind: 'object', path: childPath(), keys: new Set(), key: null, expectKey: true });
    else if (token === '[') stack.push({ kind: 'array', path: childPath() });
    else if (token === '}' || token === ']') stack.pop();
    else if (token === ',') {
      if (top?.kind === 'object') top.expectKey = true;
    } else if (top?.kind === 'object' && top.expectKey) {
      const key = JSON.parse(token) as string;
      if (top.keys.has(key)) found.push(top.path ? `${top.path}.${key}` : key);
      top.keys.add(key);
      top.key = key;
      top.expectKey = false;
    }
  }
  return found;
}
