import carrierXSchema from '../../../schemas/carrierx-trunk-group.schema.json';
import byocSchema from '../../../schemas/twilio-byoc-trunk.schema.json';
import trunkSchema from '../../../schemas/twilio-trunk.schema.json';
import { t, translatorGeneration } from '../l10n';
import type { ResourceKind } from '../resources/resource-ref';

interface TitledSchema {
  title?: string;
  properties?: Record<string, TitledSchema>;
  definitions?: Record<string, TitledSchema>;
}

// The schemas are the single source of truth for a field's words too (their `title`s); where
// the same API name appears in several, the titles agree (a unit test holds them to it).
const SCHEMA_SOURCES: Partial<Record<ResourceKind, { schema: TitledSchema; definition: string }>> = {
  trunk: { schema: trunkSchema as TitledSchema, definition: 'spec' },
  originationUrl: { schema: trunkSchema as TitledSchema, definition: 'originationUrl' },
  byocTrunk: { schema: byocSchema as TitledSchema, definition: 'spec' },
  trunkGroup: { schema: carrierXSchema as TitledSchema, definition: 'spec' },
  carrierxTrunk: { schema: carrierXSchema as TitledSchema, definition: 'trunk' },
};

/**
 * Words for the fields no schema describes: what the provider returns beside the file's keys
 * (dates, read-only settings) and the phone numbers and accounts, which have no trunk-file kind.
 */
function otherLabels(): Record<string, string> {
  return {
    sid: t('SID'),
    account_sid: t('Account SID'),
    trunk_group_sid: t('Trunk group SID'),
    date_created: t('Created'),
    date_updated: t('Updated'),
    auth_type: t('Authentication'),
    symmetric_rtp_enabled: t('Symmetric RTP'),
    phone_number: t('Phone number'),
    friendly_name: t('Friendly name'),
    trunk_sid: t('Trunk'),
    capabilities: t('Capabilities'),
    voice_url: t('Voice URL'),
    voice_method: t('Voice method'),
    voice_application_sid: t('Voice application'),
    status_callback: t('Status callback URL'),
    address_requirements: t('Address requirements'),
    // SIP auth lists: no trunk-file kind describes them yet (issue 14, trunk files).
    auth_type_set: t('Authentication methods'),
    ip_address: t('IP address'),
    cidr_prefix_length: t('CIDR prefix length'),
    ip_access_control_list_sid: t('IP access control list'),
    credential_list_sid: t('Credential list'),
    username: t('Username'),
    // Connection policies and their targets: no trunk-file kind describes them on this branch
    // (route-kinds adds TwilioConnectionPolicy); the words are the BYOC and trunk schemas' own.
    connection_policy_sid: t('Connection policy'),
    target: t('Target'),
    priority: t('Priority'),
    weight: t('Weight'),
    enabled: t('Enabled'),
    // CarrierX endpoints.
    endpoint_sid: t('Endpoint'),
    type: t('Type'),
    capacity: t('Capacity'),
    cps_limit: t('Calls per second limit'),
    out_sip_username: t('Outbound SIP username'),
    out_sip_password: t('Outbound SIP password'),
    voip_token: t('VoIP token'),
    addresses: t('Addresses'),
    transformations: t('Transformations'),
    ip: t('Host or IP address'),
    port: t('Port'),
    transport: t('Transport'),
    direction: t('Direction'),
    dst_port: t('CarrierX port'),
    srtp: t('SRTP'),
    location_sid: t('Location'),
    sip_username: t('SIP username'),
    sip_password: t('SIP password'),
    // The number inventory: Twilio incoming numbers and CarrierX DIDs.
    origin: t('Origin'),
    status: t('Status'),
    did_sid: t('DID SID'),
    phonenumber: t('CarrierX number'),
    name: t('Name'),
    active_capabilities: t('Active capabilities'),
    country_code: t('Country'),
    locality: t('Locality'),
    state: t('State'),
  };
}

/** The schema title of `key` ("recording.mode" reaches into an object) in one schema's properties. */
function titleIn(properties: Record<string, TitledSchema> | undefined, key: string): string | undefined {
  const [head, ...rest] = key.split('.');
  const property = head === undefined ? undefined : properties?.[head];
  if (!property) return undefined;
  return rest.length === 0 ? property.title : titleIn(property.properties, rest.join('.'));
}

function schemaTitle(kind: ResourceKind | undefined, key: string): string | undefined {
  const sources = kind ? [SCHEMA_SOURCES[kind]] : Object.values(SCHEMA_SOURCES);
  for (const source of sources) {
    if (!source) continue;
    const title = titleIn(source.schema.definitions?.[source.definition]?.properties, key) ?? titleIn(source.schema.properties, key);
    if (title) return title;
  }
  return undefined;
}

/** Labels worked out so far, for the translator in use. */
let labels: { generation: number; byKey: Map<string, string | undefined>; other?: Record<string, string> } | undefined;

/**
 * A field's label in words, e.g. "Friendly name" for `friendly_name`: the title in the schema
 * of the resource's kind (any kind's when not given), else the small table of fields no schema
 * has; undefined for a name that is not an API field (it is shown as it is).
 */
export function fieldLabel(key: string, kind?: ResourceKind): string | undefined {
  // Every tooltip line asks, and the explorer builds 50 rows a page: each label is worked out
  // (and translated) once per translator, not once per row.
  const generation = translatorGeneration();
  if (labels?.generation !== generation) labels = { generation, byKey: new Map() };
  const cacheKey = `${kind ?? ''} ${key}`;
  if (labels.byKey.has(cacheKey)) return labels.byKey.get(cacheKey);
  const title = schemaTitle(kind, key);
  const label = title ? t(title) : (labels.other ??= otherLabels())[key];
  labels.byKey.set(cacheKey, label);
  return label;
}
