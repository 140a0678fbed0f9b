import { resolveSchema, schemaTypes } from '../assist/schema-at-path';
import { toTrunkYaml } from './to-trunk-yaml';
import { TRUNK_API_VERSION, type TrunkKind } from '../file/trunk-kinds';
import type { JsonSchema } from '../file/trunk-schemas';
import type { TrunkSpecByKind } from '../file/trunk-specs';
import { documentKind } from '../kinds/document-kinds';
import type { RemoteByKind } from '../plan/remote-state';

// Remote state → the file's shape, for Diff, Pull and Export. Each kind's render.source gives
// the remote as one object with the spec's keys; only what the kind's schema lists is kept, in the schema's key order, so a rendered document is always valid and two
// renders of the same remote state are byte-identical.
//
// Nulls: a remote null is written as `null` where the schema accepts null (it means "unset",
// e.g. no disaster_recovery_url, and Push keeps it unset); elsewhere the key is left out (not
// managed). Read-only fields (CarrierX rfc_4694 modes, sms actions, partner_sid) are written
// only when they have a value. Sets are sorted (origination URLs by sip_url, numbers, trunks by
// name then trunk_sid) so that the order of API pages does not show up as a change; ACLs,
// transformations and headers keep their order, which can matter.

function pickBySchema(root: JsonSchema, schema: JsonSchema, value: unknown): unknown {
  const resolved = resolveSchema(root, schema);
  if (Array.isArray(value)) return resolved.items ? value.map((item) => pickBySchema(root, resolved.items as JsonSchema, item)) : value;
  if (!value || typeof value !== 'object' || !resolved.properties) return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(resolved.properties)) {
    const field = source[name];
    if (field === undefined) continue;
    if (field === null && (property.readOnly || !schemaTypes(resolveSchema(root, property)).includes('null'))) continue;
    result[name] = pickBySchema(root, property, field);
  }
  return result;
}

/** The `spec` of a document describing this remote state. */
export function renderSpec<K extends TrunkKind>(kind: K, remote: RemoteByKind[K]): TrunkSpecByKind[K] {
  const descriptor = documentKind<TrunkKind>(kind);
  const root = descriptor.schema;
  return pickBySchema(root, root.definitions?.spec ?? {}, descriptor.render.source(remote)) as TrunkSpecByKind[K];
}

export interface RenderDocumentOptions {
  /** Write the remote SID (default true); Export to another account leaves it out. */
  includeSid?: boolean;
  /** Spec keys to leave out (not managed): what Export cannot represent (exportOmissions). */
  omit?: readonly string[];
}

/** One document (no `---`) describing the remote resource, for Diff, Pull and Export. */
export function renderDocument<K extends TrunkKind>(kind: K, account: string, remote: RemoteByKind[K], options: RenderDocumentOptions = {}): string {
  const header: Record<string, unknown> = { apiVersion: TRUNK_API_VERSION, kind, account };
  if (options.includeSid !== false) header.sid = documentKind<TrunkKind>(kind).identity.sidOf(remote);
  const spec = renderSpec(kind, remote) as unknown as Record<string, unknown>;
  for (const key of options.omit ?? []) delete spec[key];
  return toTrunkYaml({ ...header, spec });
}

/** Several rendered documents as one file. */
export function renderTrunkFile(documents: readonly string[]): string {
  return documents.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
}
