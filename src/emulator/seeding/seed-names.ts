// Word lists for seeded data: plausible, clearly fictional names. Hosts use example.com/.net.

export const COMPANIES = [
  'Acme Logistics',
  'Northwind Health',
  'Globex Retail',
  'Initech Support',
  'Umbrella Insurance',
  'Stark Freight',
  'Wayne Clinics',
  'Hooli Cloud',
  'Vandelay Imports',
  'Cyberdyne Labs',
  'Soylent Foods',
  'Tyrell Energy',
] as const;

export const PURPOSES = ['Main', 'Contact Center', 'Sales', 'Support', 'Failover', 'EU Region', 'US West', 'Outbound', 'Lab'] as const;

export const CREDENTIAL_LISTS = ['Office PBX users', 'Remote agents', 'Test handsets'] as const;
export const IP_ACCESS_CONTROL_LISTS = ['HQ SBC', 'DR site SBC', 'Carrier edge'] as const;

/** Entries of each seeded IP ACL, by list position: documentation ranges (RFC 5737), never routable. */
export const IP_ACL_ENTRIES: readonly (readonly { friendly_name: string; ip_address: string; cidr_prefix_length: number }[])[] = [
  [
    { friendly_name: 'sbc-1', ip_address: '203.0.113.10', cidr_prefix_length: 32 },
    { friendly_name: 'sbc-2', ip_address: '203.0.113.11', cidr_prefix_length: 32 },
  ],
  [{ friendly_name: 'dr-sbc-pool', ip_address: '198.51.100.0', cidr_prefix_length: 28 }],
  [
    { friendly_name: 'carrier-media', ip_address: '192.0.2.0', cidr_prefix_length: 24 },
    { friendly_name: 'carrier-signalling-a', ip_address: '198.51.100.200', cidr_prefix_length: 32 },
    { friendly_name: 'carrier-signalling-b', ip_address: '198.51.100.201', cidr_prefix_length: 32 },
  ],
];

/** Usernames of each seeded credential list, by list position. */
export const CREDENTIAL_USERNAMES: readonly (readonly string[])[] = [
  ['ext-101', 'ext-102', 'ext-103', 'reception'],
  ['agent-amsterdam', 'agent-denver'],
  ['lab-handset-1'],
];

export const BYOC_CARRIERS = ['Bandwidth', 'Lumen', 'Telnyx', 'Colt', 'BT Wholesale', 'Sipgate'] as const;

export const CARRIERX_REGIONS = ['East Coast', 'West Coast', 'Central', 'EMEA', 'APAC'] as const;
export const CARRIERX_ROLES = ['Primary', 'Overflow', 'Emergency', 'Wholesale'] as const;

/** Real North American area codes, so seeded numbers look like the ones users own. */
export const AREA_CODES: readonly string[] = '212 213 303 305 312 404 415 503 512 602 617 646 702 713 718 206 214 808 619 720'.split(' ');

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
