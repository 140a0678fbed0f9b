import type { PlanError } from '../plan/plan-error';
import type { YamlPath } from '../file/yaml-node-lookup';
import type { KindReference, ReferenceResolver, ResolvedReference } from './document-reference';

/**
 * What one spec object (the spec, or an item of the list the reference is `within`) names
 * through a reference that has a sid-only twin (KindReference.sidField: `connection_policy`
 * beside `connection_policy_sid`): the resolved reference, nothing when it sets neither key, or
 * an error at the key when it sets both or the name resolves to none or several resources.
 */
export function resolveAliasedReference(
  reference: KindReference,
  item: Readonly<Record<string, unknown>>,
  path: YamlPath,
  resolver: ReferenceResolver | undefined,
): { reference?: ResolvedReference; error?: PlanError } {
  const value = item[reference.field];
  if (typeof value !== 'string') return {};
  if (reference.sidField !== undefined && item[reference.sidField] !== undefined) {
    return {
      error: {
        message: `Name it once: ${reference.field} (a sid or a name) or ${reference.sidField} (a sid), not both. Remove one of them.`,
        path: [...path, reference.field],
      },
    };
  }
  if (!resolver) throw new Error(`Planning ${reference.field} needs a reference resolver (KindPlanContext.references).`);
  const resolution = resolver.resolve(reference.kind, value);
  if (resolution.status === 'resolved') return { reference: resolution.reference };
  return { error: { message: resolver.problem(resolution), path: [...path, reference.field] } };
}
