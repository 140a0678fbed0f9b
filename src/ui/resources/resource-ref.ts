import type { Account } from '../../core/accounts/account';
import type { CarrierXTrunk, TrunkGroup } from '../../core/providers/carrierx/models';
import type { ByocTrunk, OriginationUrl, Trunk, TrunkPhoneNumber } from '../../core/providers/twilio/models';
import type { ResourceChange } from '../resource-change-bus';
import { ByocTrunkNode } from '../tree/byoc-trunk-node';
import { CarrierXTrunkNode } from '../tree/carrierx-trunk-node';
import type { ExplorerNode } from '../tree/explorer-node';
import { OriginationUrlNode } from '../tree/origination-url-node';
import { PhoneNumberNode } from '../tree/phone-number-node';
import { TrunkGroupNode } from '../tree/trunk-group-node';
import { TrunkNode } from '../tree/trunk-node';

/** A provider resource a command acts on, whether it came from a tree node or a palette pick. */
export type ResourceRef =
  | { kind: 'trunk'; account: Account; trunk: Trunk }
  | { kind: 'byocTrunk'; account: Account; trunk: ByocTrunk }
  | { kind: 'trunkGroup'; account: Account; group: TrunkGroup }
  | { kind: 'carrierxTrunk'; account: Account; group: TrunkGroup; trunk: CarrierXTrunk }
  | { kind: 'originationUrl'; account: Account; trunk: Trunk; url: OriginationUrl }
  | { kind: 'phoneNumber'; account: Account; trunk: Trunk; number: TrunkPhoneNumber };

export type ResourceKind = ResourceRef['kind'];

export function refFromNode(node: unknown): ResourceRef | undefined {
  if (node instanceof TrunkNode) return { kind: 'trunk', account: node.account, trunk: node.trunk };
  if (node instanceof ByocTrunkNode) return { kind: 'byocTrunk', account: node.account, trunk: node.trunk };
  if (node instanceof TrunkGroupNode) return { kind: 'trunkGroup', account: node.account, group: node.group };
  if (node instanceof CarrierXTrunkNode) {
    return { kind: 'carrierxTrunk', account: node.parent.account, group: node.parent.group, trunk: node.trunk };
  }
  if (node instanceof OriginationUrlNode) {
    const trunkNode = node.parent.trunkNode;
    return { kind: 'originationUrl', account: trunkNode.account, trunk: trunkNode.trunk, url: node.url };
  }
  if (node instanceof PhoneNumberNode) {
    const trunkNode = node.parent.trunkNode;
    return { kind: 'phoneNumber', account: trunkNode.account, trunk: trunkNode.trunk, number: node.number };
  }
  return undefined;
}

/** The id of the tree folder that lists this resource, to refresh it after a change. */
export function folderIdOf(ref: ResourceRef): string {
  const account = `account/${ref.account.id}`;
  switch (ref.kind) {
    case 'trunk':
      return `${account}/trunks`;
    case 'byocTrunk':
      return `${account}/byoc-trunks`;
    case 'trunkGroup':
    case 'carrierxTrunk':
      return `${account}/trunk-groups`;
    case 'originationUrl':
      return `${account}/trunks/${ref.trunk.sid}/origination-urls`;
    case 'phoneNumber':
      return `${account}/trunks/${ref.trunk.sid}/numbers`;
  }
}

export function sidOf(ref: ResourceRef): string {
  switch (ref.kind) {
    case 'trunk':
    case 'byocTrunk':
      return ref.trunk.sid;
    case 'trunkGroup':
      return ref.group.trunk_group_sid;
    case 'carrierxTrunk':
      return ref.trunk.trunk_sid;
    case 'originationUrl':
      return ref.url.sid;
    case 'phoneNumber':
      return ref.number.sid;
  }
}

/**
 * The resource a trunk file describes that a change to `ref` changes: a number or an
 * origination URL changes its trunk, a CarrierX trunk its group.
 */
export function changeOf(ref: ResourceRef): ResourceChange {
  const account = ref.account.name;
  switch (ref.kind) {
    case 'trunk':
    case 'originationUrl':
    case 'phoneNumber':
      return { account, kind: 'TwilioTrunk', sid: ref.trunk.sid };
    case 'byocTrunk':
      return { account, kind: 'TwilioByocTrunk', sid: ref.trunk.sid };
    case 'trunkGroup':
    case 'carrierxTrunk':
      return { account, kind: 'CarrierXTrunkGroup', sid: ref.group.trunk_group_sid };
  }
}

/** What the user calls it: the name, else the most telling field, else the SID. */
export function labelOf(ref: ResourceRef): string {
  switch (ref.kind) {
    case 'trunk':
      return ref.trunk.friendly_name || ref.trunk.domain_name || ref.trunk.sid;
    case 'byocTrunk':
      return ref.trunk.friendly_name || ref.trunk.sid;
    case 'trunkGroup':
      return ref.group.name || ref.group.trunk_group_sid;
    case 'carrierxTrunk':
      return ref.trunk.name || ref.trunk.trunk_sid;
    case 'originationUrl':
      return ref.url.friendly_name || ref.url.sip_url || ref.url.sid;
    case 'phoneNumber':
      return ref.number.phone_number ?? ref.number.sid;
  }
}

export const KIND_NAMES: Record<ResourceKind, string> = {
  trunk: 'Elastic SIP trunk',
  byocTrunk: 'BYOC trunk',
  trunkGroup: 'trunk group',
  carrierxTrunk: 'CarrierX trunk',
  originationUrl: 'origination URL',
  phoneNumber: 'phone number',
};
