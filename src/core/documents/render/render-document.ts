import type { CarrierXTrunk, TrunkGroup } from '../../providers/carrierx/models';
import type { ByocTrunk, OriginationUrl, Recording, Trunk, TrunkPhoneNumber } from '../../providers/twilio/models';
import { resolveSchema, schemaTypes } from '../assist/schema-at-path';
import { toTrunkYaml } from './to-trunk-yaml';
import { TRUNK_API_VERSION, type TrunkKind } from '../file/trunk-kinds';
import { KIND_SCHEMAS, type JsonSchema } from '../file/trunk-schemas';
import type { TrunkSpecByKind } from '../file/trunk-specs';

// Remote state → the file's shape, for Diff, Pull and Export. Only what the kind's schema
// lists is kept, in the schema's key order, so a rendered document is always valid and two
// renders of the same remote state are byte-identical.
//
// Nulls: a remote null is written as `null` where the schema accepts null (it means "unset",
// e.g. no disaster_recovery_url, and Push keeps it unset); elsewhere the key is left out (not
// managed). Read-only fields (CarrierX rfc_4694 modes, sms actions, partner_sid) are written
// only when they have a value. Sets are sorted (origination URLs by sip_url, numbers, trunks by
// name then trunk_sid) so that the order of API pages does not show up as a change; ACLs,
// transformations and headers keep their order, which can matter.

export interface RemoteTwilioTrunk {
  trunk: Trunk;
  /** The Recording sub-resource; defaults to the trunk's own `recording`. */
  recording?: Recording | null;
  originationUrls: readonly OriginationUrl[];
  /** E.164 strings or the attached number resources. */
  phoneNumbers: readonly (string | Pick<TrunkPhoneNumber, 'phone_number'>)[];
}

export interface RemoteCarrierXTrunkGroup {
  trunkGroup: TrunkGroup;
  /** Defaults to `trunkGroup.trunks`; when neither is given, `trunks` is left out (not managed). */
  trunks?: readonly CarrierXTrunk[];
}

export interface RemoteByKind {
  TwilioTrunk: RemoteTwilioTrunk;
  TwilioByocTrunk: ByocTrunk;
  CarrierXTrunkGroup: RemoteCarrierXTrunkGroup;
}

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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function twilioTrunkSource(remote: RemoteTwilioTrunk): Record<string, unknown> {
  const recording = remote.recording === undefined ? remote.trunk.recording : remote.recording;
  const hasRecording = !!recording && (recording.mode !== null || recording.trim !== null);
  return {
    ...remote.trunk,
    recording: hasRecording ? recording : undefined,
    origination_urls: [...remote.originationUrls].sort((a, b) => byText(a.sip_url ?? '', b.sip_url ?? '')),
    phone_numbers: remote.phoneNumbers
      .map((n) => (typeof n === 'string' ? n : n.phone_number))
      .filter((n): n is string => typeof n === 'string')
      .sort(byText),
  };
}

function trunkGroupSource(remote: RemoteCarrierXTrunkGroup): Record<string, unknown> {
  const trunks = remote.trunks ?? remote.trunkGroup.trunks;
  return {
    ...remote.trunkGroup,
    trunks: trunks ? [...trunks].sort((a, b) => byText(a.name ?? '', b.name ?? '') || byText(a.trunk_sid, b.trunk_sid)) : undefined,
  };
}

/** The `spec` of a document describing this remote state. */
export function renderSpec<K extends TrunkKind>(kind: K, remote: RemoteByKind[K]): TrunkSpecByKind[K] {
  const root = KIND_SCHEMAS[kind];
  const source =
    kind === 'TwilioTrunk'
      ? twilioTrunkSource(remote as RemoteTwilioTrunk)
      : kind === 'CarrierXTrunkGroup'
        ? trunkGroupSource(remote as RemoteCarrierXTrunkGroup)
        : remote;
  return pickBySchema(root, root.definitions?.spec ?? {}, source) as TrunkSpecByKind[K];
}

function remoteSid(kind: TrunkKind, remote: RemoteByKind[TrunkKind]): string {
  if (kind === 'TwilioTrunk') return (remote as RemoteTwilioTrunk).trunk.sid;
  if (kind === 'CarrierXTrunkGroup') return (remote as RemoteCarrierXTrunkGroup).trunkGroup.trunk_group_sid;
  return (remote as ByocTrunk).sid;
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
  if (options.includeSid !== false) header.sid = remoteSid(kind, remote);
  const spec = renderSpec(kind, remote) as Record<string, unknown>;
  for (const key of options.omit ?? []) delete spec[key];
  return toTrunkYaml({ ...header, spec });
}

/** Several rendered documents as one file. */
export function renderTrunkFile(documents: readonly string[]): string {
  return documents.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
}
