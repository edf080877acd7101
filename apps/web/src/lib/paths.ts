/** Sets `value` at a dotted path (`items.confinement`), creating the objects on the way: the form's paths are the API's. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...target, [head]: value };
  const child = (target[head] as Record<string, unknown> | undefined) ?? {};
  return { ...target, [head]: setAtPath(child, rest.join('.'), value) };
}

export function getAtPath(target: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}
