// The document kinds a trunk file can hold and the file format version. What each kind is
// (provider, identity, planning, fetching, rendering) is its descriptor in ../kinds/.

export const TRUNK_API_VERSION = 'trunkline/v1';

export const TRUNK_KINDS = ['TwilioTrunk', 'TwilioByocTrunk', 'CarrierXTrunkGroup'] as const;
export type TrunkKind = (typeof TRUNK_KINDS)[number];

export function isTrunkKind(value: unknown): value is TrunkKind {
  return typeof value === 'string' && (TRUNK_KINDS as readonly string[]).includes(value);
}
