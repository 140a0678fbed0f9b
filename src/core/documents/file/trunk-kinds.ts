import trunkFileSchema from '../../../../schemas/trunk-file.schema.json';
import type { DocumentKindTypes } from '../kinds/document-kind-types';

// The document kinds a trunk file can hold and the file format version. What each kind is
// (provider, identity, planning, fetching, rendering) is its descriptor in ../kinds/. The list
// is the combined schema's `kind` enum, which the build makes from the kind schemas in schemas/
// (scripts/trunk-file-schema.js); the kinds registry test checks that every kind has a descriptor.

export const TRUNK_API_VERSION = 'trunkline/v1';

/** Each kind file adds its kind (kinds/document-kind-types.ts). */
export type TrunkKind = keyof DocumentKindTypes;

/** In the schema's order, which messages and pickers follow. */
export const TRUNK_KINDS: readonly TrunkKind[] = trunkFileSchema.properties.kind.enum as TrunkKind[];

export function isTrunkKind(value: unknown): value is TrunkKind {
  return typeof value === 'string' && (TRUNK_KINDS as readonly string[]).includes(value);
}
