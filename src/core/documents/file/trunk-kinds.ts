// The document kinds a trunk file can hold and the file format version.

export const TRUNK_API_VERSION = 'trunkline/v1';

export const TRUNK_KINDS = ['TwilioTrunk', 'TwilioByocTrunk', 'CarrierXTrunkGroup'] as const;
export type TrunkKind = (typeof TRUNK_KINDS)[number];

/** Which provider's API a kind is pushed to. */
export const PROVIDER_OF_KIND: Readonly<Record<TrunkKind, 'twilio' | 'carrierx'>> = {
  TwilioTrunk: 'twilio',
  TwilioByocTrunk: 'twilio',
  CarrierXTrunkGroup: 'carrierx',
};

export function isTrunkKind(value: unknown): value is TrunkKind {
  return typeof value === 'string' && (TRUNK_KINDS as readonly string[]).includes(value);
}
