import type { YamlPath } from '../file/yaml-node-lookup';
import type { PlanError } from '../plan/plan-error';
import type { KindReference, ReferenceResolver, ResolvedReference } from './document-reference';

// What a kind's planner calls for a reference field (ARCHITECTURE.md "References between
// documents"). It imports no kind registry: the kinds' planners import it.

/** The references of one field of the spec, resolved; each unknown or ambiguous entry is an error at that entry. */
export function resolveField(reference: KindReference, spec: Readonly<Record<string, unknown>>, resolver: ReferenceResolver | undefined): { references: ResolvedReference[]; errors: PlanError[] } {
  const value = spec[reference.field];
  const entries: { value: string; path: YamlPath }[] = [];
  if (reference.list && Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && entries.push({ value: v, path: ['spec', reference.field, i] }));
  else if (!reference.list && typeof value === 'string') entries.push({ value, path: ['spec', reference.field] });
  const references: ResolvedReference[] = [];
  const errors: PlanError[] = [];
  for (const entry of entries) {
    if (!resolver) throw new Error(`Planning ${reference.field} needs a reference resolver (KindPlanContext.references).`);
    const resolution = resolver.resolve(reference.kind, entry.value);
    if (resolution.status === 'resolved') references.push(resolution.reference);
    else errors.push({ message: resolver.problem(resolution), path: entry.path });
  }
  return { references, errors };
}
