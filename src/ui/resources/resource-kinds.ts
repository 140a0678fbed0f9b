import type { ResourceChange } from '../resource-change-bus';
import { folderTreeId, resourceTreeId } from '../tree/tree-ids';
import { byocTrunkKind } from './kinds/byoc-trunk';
import { carrierxTrunkKind } from './kinds/carrierx-trunk';
import { connectionPolicyKind } from './kinds/connection-policy';
import { connectionPolicyTargetKind } from './kinds/connection-policy-target';
import { credentialKind } from './kinds/credential';
import { credentialListKind } from './kinds/credential-list';
import { endpointAddressKind } from './kinds/endpoint-address';
import { endpointKind } from './kinds/endpoint';
import { didKind } from './kinds/did';
import { ipAccessControlListKind } from './kinds/ip-access-control-list';
import { incomingNumberKind } from './kinds/incoming-number';
import { ipAddressKind } from './kinds/ip-address';
import { originationUrlKind } from './kinds/origination-url';
import { phoneNumberKind } from './kinds/phone-number';
import { trunkGroupKind } from './kinds/trunk-group';
import { trunkKind } from './kinds/trunk';
import { isRefused, type ResourceKindDescriptor } from './resource-kind';
import type { ResourceKind, ResourceRef } from './resource-ref';

/**
 * The resource kinds the explorer shows and the generic commands act on, one descriptor each,
 * in the order palette pickers offer them.
 */
const KINDS: { readonly [K in ResourceKind]: ResourceKindDescriptor<K> } = {
  trunk: trunkKind,
  byocTrunk: byocTrunkKind,
  originationUrl: originationUrlKind,
  phoneNumber: phoneNumberKind,
  trunkGroup: trunkGroupKind,
  carrierxTrunk: carrierxTrunkKind,
  ipAccessControlList: ipAccessControlListKind,
  ipAddress: ipAddressKind,
  credentialList: credentialListKind,
  credential: credentialKind,
  connectionPolicy: connectionPolicyKind,
  connectionPolicyTarget: connectionPolicyTargetKind,
  endpoint: endpointKind,
  endpointAddress: endpointAddressKind,
  incomingNumber: incomingNumberKind,
  did: didKind,
};

// A descriptor of one kind takes only its own references: the list is read through ResourceRef.
export const RESOURCE_KINDS = Object.values(KINDS) as readonly ResourceKindDescriptor[];

export function kindOf<K extends ResourceKind>(kind: K): ResourceKindDescriptor<K> {
  return KINDS[kind] as ResourceKindDescriptor<K>;
}

/** The descriptor of a reference, typed to take that reference back. */
export function descriptorOf(ref: ResourceRef): ResourceKindDescriptor {
  return KINDS[ref.kind] as unknown as ResourceKindDescriptor;
}

/** The kinds that have a capability, for a palette command to offer. */
export function kindsWith(capability: 'rename' | 'edit' | 'delete' | 'consolePalette'): ResourceKind[] {
  return RESOURCE_KINDS.filter((d) => (capability === 'consolePalette' ? d.console.inPalette : !isRefused(d[capability]))).map((d) => d.kind);
}

export function sidOf(ref: ResourceRef): string {
  return descriptorOf(ref).sid(ref);
}

export function labelOf(ref: ResourceRef): string {
  return descriptorOf(ref).label(ref);
}

export function changeOf(ref: ResourceRef): ResourceChange {
  return descriptorOf(ref).change(ref);
}

export function displayNameOf(kind: ResourceKind): string {
  return kindOf(kind).displayName();
}

/** The explorer id of the resource's node. */
export function treeIdOf(ref: ResourceRef): string {
  return resourceTreeId(descriptorOf(ref).place(ref));
}

/** The id of the tree folder that lists this resource, to refresh it after a change. */
export function folderIdOf(ref: ResourceRef): string {
  return folderTreeId(descriptorOf(ref).place(ref).folder);
}

/** The ids of every folder to refresh after a change to this resource: its own first. */
export function folderIdsOf(ref: ResourceRef): string[] {
  const descriptor = descriptorOf(ref);
  return [descriptor.place(ref).folder, ...(descriptor.alsoRefresh?.(ref) ?? [])].map(folderTreeId);
}
