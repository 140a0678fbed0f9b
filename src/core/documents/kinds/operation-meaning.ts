import type { PlanOperation } from '../plan/plan-operations';
import type { OperationMeaning } from './document-kind-descriptor';
import { documentKinds } from './document-kinds';

// What an operation means for the spec, from the descriptor of the kind that plans it: the
// generic code (drift, what a partial push set) has no switch on operation types.

const ADOPT: OperationMeaning = { sets: [], drift: () => undefined };

let byType: ReadonlyMap<string, OperationMeaning> | undefined;

/** The meaning of an operation's type (every kind's types are distinct). */
export function operationMeaning(op: PlanOperation): OperationMeaning {
  if (op.type === 'adopt') return ADOPT;
  byType ??= new Map(documentKinds().flatMap((d) => Object.entries(d.operationMeanings as Record<string, OperationMeaning>)));
  const meaning = byType.get(op.type);
  if (!meaning) throw new Error(`No document kind plans operation ${op.type}.`);
  return meaning;
}

/** The spec keys an operation sets at the provider ('all': it creates the resource). */
export function specKeysSetBy(op: PlanOperation): readonly string[] | 'all' {
  const { sets } = operationMeaning(op);
  return sets === 'fields' ? Object.keys((op as { fields: object }).fields) : sets;
}

/** The spec keys a list of applied operations set. */
export function specKeysSetByAll(operations: readonly PlanOperation[]): ReadonlySet<string> | 'all' {
  const keys = new Set<string>();
  for (const op of operations) {
    const set = specKeysSetBy(op);
    if (set === 'all') return 'all';
    for (const key of set) keys.add(key);
  }
  return keys;
}
