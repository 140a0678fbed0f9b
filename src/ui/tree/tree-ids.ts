/**
 * Every id of the explorer tree is built here, from what the node stands for: an account, a
 * folder (of an account, or of a trunk), or a resource below its folder. Nodes take their ids
 * from these functions and commands refresh or reveal by them, so the two cannot disagree.
 * Ids are paths: a node's id starts with its parent's id and a `/`.
 */

/** The folders below an account. */
export type AccountFolder = 'trunks' | 'byocTrunks' | 'trunkGroups' | 'ipAccessControlLists' | 'credentialLists' | 'connectionPolicies' | 'endpoints' | 'numberInventory' | 'dids';
/** The folders below an Elastic SIP trunk (Termination lists the SIP auth lists it links). */
export type TrunkFolder = 'phoneNumbers' | 'originationUrls' | 'termination';

/** The folders below a CarrierX trunk group (its trunks are its own children). */
export type TrunkGroupFolder = 'groupDids';

export type FolderRef =
  | { accountId: string; folder: AccountFolder }
  | { accountId: string; folder: TrunkFolder; trunkSid: string }
  | { accountId: string; folder: TrunkGroupFolder; trunkGroupSid: string };

/**
 * Where a resource is in the tree: the folder that lists it (reloaded after a change to it),
 * then the sids from that folder down to it (a CarrierX trunk is below its group).
 */
export interface ResourcePlace {
  folder: FolderRef;
  sids: readonly string[];
}

const SEGMENTS: Record<AccountFolder | TrunkFolder | TrunkGroupFolder, string> = {
  trunks: 'trunks',
  byocTrunks: 'byoc-trunks',
  trunkGroups: 'trunk-groups',
  phoneNumbers: 'numbers',
  originationUrls: 'origination-urls',
  ipAccessControlLists: 'ip-access-control-lists',
  credentialLists: 'credential-lists',
  connectionPolicies: 'connection-policies',
  termination: 'termination',
  endpoints: 'endpoints',
  numberInventory: 'phone-numbers',
  dids: 'dids',
  // A trunk group's children are also its trunks (UUIDs): a word cannot clash with them.
  groupDids: 'numbers',
};

export function accountTreeId(accountId: string): string {
  return `account/${accountId}`;
}

export function folderTreeId(ref: FolderRef): string {
  const parent =
    'trunkSid' in ref
      ? resourceTreeId({ folder: { accountId: ref.accountId, folder: 'trunks' }, sids: [ref.trunkSid] })
      : 'trunkGroupSid' in ref
        ? resourceTreeId({ folder: { accountId: ref.accountId, folder: 'trunkGroups' }, sids: [ref.trunkGroupSid] })
        : accountTreeId(ref.accountId);
  return `${parent}/${SEGMENTS[ref.folder]}`;
}

export function resourceTreeId(place: ResourcePlace): string {
  return [folderTreeId(place.folder), ...place.sids].join('/');
}

/** The rows a paged folder adds below its items. */
export function loadMoreTreeId(folderId: string, loadedCount: number): string {
  return `${folderId}/load-more/${loadedCount}`;
}

export function errorTreeId(folderId: string): string {
  return `${folderId}/error`;
}

export function emptyTreeId(parentId: string): string {
  return `${parentId}/empty`;
}

/** The account a node id belongs to (every id starts with its account's). */
export function accountIdOfTreeId(id: string): string | undefined {
  return /^account\/([^/]+)/.exec(id)?.[1];
}

/** Whether `id` is `ancestorId` or below it. */
export function isAtOrBelow(id: string, ancestorId: string): boolean {
  return id === ancestorId || id.startsWith(`${ancestorId}/`);
}
