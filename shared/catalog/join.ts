/** Joins tables that several contexts declare, refusing a name two of them claim. */
export function joinDeclarations<TValue>(kind: string, byContext: Readonly<Record<string, Readonly<Record<string, TValue>>>>): Readonly<Record<string, TValue>> {
  const joined: Record<string, TValue> = {};
  const owners = new Map<string, string>();
  for (const [context, declarations] of Object.entries(byContext)) {
    for (const [name, value] of Object.entries(declarations)) {
      const owner = owners.get(name);
      if (owner !== undefined) throw new Error(`The ${kind} ${name} is declared by both ${owner} and ${context}`);
      owners.set(name, context);
      joined[name] = value;
    }
  }
  return joined;
}
