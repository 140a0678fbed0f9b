import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { refFromNode } from '../../src/ui/tree/resource-node';
import type { TestEmulator } from '../support/test-emulator';

/**
 * The explorer nodes a user right-clicks to run the connection policy, endpoint and number
 * inventory commands, found the way the user finds them (account → folder → node), each folder
 * loaded fresh (a refresh, then expand), and told apart by sid, not by label.
 */
export function routesNodes(explorer: ExplorerTree, account = 'sandbox') {
  const expand = async (node: ExplorerNode | undefined, label: string): Promise<ExplorerNode> => {
    const children = await explorer.childrenOf(node);
    const found = children.find((c) => c.treeItem().label === label);
    if (!found) throw new Error(`no "${label}" in ${children.map((c) => c.treeItem().label).join(', ')}`);
    return found;
  };
  const fresh = async (folder: ExplorerNode): Promise<ExplorerNode[]> => {
    explorer.refresh(folder);
    return explorer.childrenOf(folder);
  };
  const find = (nodes: ExplorerNode[], what: string, test: (ref: Record<string, any>) => boolean): ExplorerNode => {
    const found = nodes.find((n) => {
      const ref = refFromNode(n) as Record<string, any> | undefined;
      return ref !== undefined && test(ref);
    });
    if (!found) throw new Error(`no ${what} in the explorer`);
    return found;
  };
  const folder = async (label: string) => expand(await expand(undefined, account), label);
  return {
    async policy(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('Connection Policies')), `connection policy ${sid}`, (r) => r.kind === 'connectionPolicy' && r.policy.sid === sid);
    },
    async target(policySid: string, sid: string): Promise<ExplorerNode> {
      return find(await fresh(await this.policy(policySid)), `target ${sid}`, (r) => r.kind === 'connectionPolicyTarget' && r.target.sid === sid);
    },
    async byocTrunk(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('BYOC Trunks')), `BYOC trunk ${sid}`, (r) => r.kind === 'byocTrunk' && r.trunk.sid === sid);
    },
    async endpoint(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('Endpoints')), `endpoint ${sid}`, (r) => r.kind === 'endpoint' && r.endpoint.endpoint_sid === sid);
    },
    async address(endpointSid: string, index: number): Promise<ExplorerNode> {
      return find(await fresh(await this.endpoint(endpointSid)), `address ${index} of ${endpointSid}`, (r) => r.kind === 'endpointAddress' && r.index === index);
    },
    async carrierxTrunk(groupSid: string, trunkSid: string): Promise<ExplorerNode> {
      const group = find(await fresh(await folder('Trunk Groups')), `trunk group ${groupSid}`, (r) => r.kind === 'trunkGroup' && r.group.trunk_group_sid === groupSid);
      return find(await fresh(group), `CarrierX trunk ${trunkSid}`, (r) => r.kind === 'carrierxTrunk' && r.trunk.trunk_sid === trunkSid);
    },
    /** An Elastic SIP trunk (Attach Numbers, Detach Numbers from the trunk's row). */
    async trunk(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('Elastic SIP Trunks')), `trunk ${sid}`, (r) => r.kind === 'trunk' && r.trunk.sid === sid);
    },
    /** A number's row below its trunk (Elastic SIP Trunks → trunk → Phone Numbers). */
    async trunkNumber(trunkSid: string, sid: string): Promise<ExplorerNode> {
      const trunk = await this.trunk(trunkSid);
      const numbers = (await explorer.childrenOf(trunk)).find((c) => c.treeItem().label === 'Phone Numbers');
      if (!numbers) throw new Error(`no Phone Numbers below trunk ${trunkSid}`);
      return find(await fresh(numbers), `number ${sid} on ${trunkSid}`, (r) => r.kind === 'phoneNumber' && r.number.sid === sid);
    },
    /** A Twilio number in the account's inventory (Phone Numbers). */
    async incomingNumber(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('Phone Numbers')), `number ${sid}`, (r) => r.kind === 'incomingNumber' && r.number.sid === sid);
    },
    /** A CarrierX DID in the account's inventory (Phone Numbers (CarrierX) of the sandbox). */
    async did(sid: string): Promise<ExplorerNode> {
      return find(await fresh(await folder('Phone Numbers (CarrierX)')), `DID ${sid}`, (r) => r.kind === 'did' && r.did.did_sid === sid);
    },
  };
}

/** A target as the model keeps it (by its SIP address, which Trunkline keeps unique in a policy). */
export interface TargetState {
  priority: number;
  weight: number;
  enabled: boolean;
}

/** Everything the policy and endpoint commands can change, as the emulator holds it. */
export interface RoutesState {
  /** Connection policies by sid: name and targets by SIP address. */
  policies: Record<string, { name: string; targets: Record<string, TargetState> }>;
  /** BYOC trunks by sid: the policy they route through. */
  byoc: Record<string, string | null>;
  /** `third_party` endpoints by sid: name, addresses ("ip:port/transport/direction", in order) and SIP username. */
  endpoints: Record<string, { name: string; addresses: string[]; sipUser: string | null }>;
  /** CarrierX trunks by sid: their endpoint. */
  cxTrunks: Record<string, string | null>;
}

export function addressKey(a: { ip: string | null; port: number | null; transport: string | null; direction: string | null }): string {
  return `${a.ip}:${a.port}/${a.transport}/${a.direction}`;
}

/** The emulator's own records of policies, targets, BYOC trunks, endpoints and CarrierX trunks. */
export function readRoutes(emulator: TestEmulator): RoutesState {
  const { twilio, carrierx } = emulator.store;
  const state: RoutesState = { policies: {}, byoc: {}, endpoints: {}, cxTrunks: {} };
  for (const p of twilio.connectionPolicies.all.values()) {
    const targets: Record<string, TargetState> = {};
    for (const tg of twilio.connectionPolicies.targetsOf(p.sid).values()) targets[tg.target] = { priority: tg.priority, weight: tg.weight, enabled: tg.enabled };
    state.policies[p.sid] = { name: p.friendly_name ?? '', targets };
  }
  for (const b of twilio.byocTrunks.all.values()) state.byoc[b.sid] = b.connection_policy_sid ?? null;
  for (const e of carrierx.endpoints.values()) {
    if (e.type !== 'third_party') continue;
    state.endpoints[e.endpoint_sid] = { name: e.name, addresses: e.addresses.map(addressKey), sipUser: e.out_sip_username };
  }
  for (const tr of carrierx.allTrunks()) state.cxTrunks[tr.trunk_sid] = tr.endpoint_sid;
  return state;
}

/** Duplicates a user would notice: two policies or endpoints of a name, one SIP address twice in a policy. */
export function routeDuplicates(emulator: TestEmulator): string[] {
  const { twilio, carrierx } = emulator.store;
  const found: string[] = [];
  const twice = (values: string[], where: string) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) found.push(`"${v}" twice in ${where}`);
      seen.add(v);
    }
  };
  const policies = twilio.connectionPolicies.all.values();
  twice(
    policies.map((p) => p.friendly_name ?? ''),
    'the connection policy names',
  );
  for (const p of policies)
    twice(
      twilio.connectionPolicies
        .targetsOf(p.sid)
        .values()
        .map((tg) => tg.target),
      `the targets of ${p.sid}`,
    );
  twice(
    carrierx.endpoints.values().map((e) => e.name),
    'the endpoint names',
  );
  return found;
}
