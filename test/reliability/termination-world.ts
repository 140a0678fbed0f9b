import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { passwordMatches } from '../../src/emulator/twilio/password-hash';
import { refFromNode } from '../../src/ui/tree/resource-node';
import type { TestEmulator } from '../support/test-emulator';

/**
 * The explorer nodes a user right-clicks to run the termination commands, found the way the user
 * finds them: account → folder → node, each folder loaded fresh (a refresh, then expand).
 */
export function terminationNodes(explorer: ExplorerTree, account = 'sandbox') {
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
  const bySid = (nodes: ExplorerNode[], sid: string, what: string): ExplorerNode => {
    const found = nodes.find((n) => sidOfNode(n) === sid);
    if (!found) throw new Error(`no ${what} ${sid} in the explorer`);
    return found;
  };
  const folder = async (label: string) => expand(await expand(undefined, account), label);
  return {
    async ipAccessControlList(sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await folder('IP Access Control Lists')), sid, 'IP access control list');
    },
    async credentialList(sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await folder('Credential Lists')), sid, 'credential list');
    },
    async ipAddress(listSid: string, sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await this.ipAccessControlList(listSid)), sid, 'IP address');
    },
    async credential(listSid: string, sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await this.credentialList(listSid)), sid, 'credential');
    },
    async trunk(sid: string): Promise<ExplorerNode> {
      const trunks = await fresh(await folder('Elastic SIP Trunks'));
      const found = trunks.find((n) => (n as { trunk?: { sid: string } }).trunk?.sid === sid);
      if (!found) throw new Error(`no trunk ${sid} in the explorer`);
      return found;
    },
    /** A list as shown below a trunk's Termination (unlink works from there). */
    async linkedList(trunkSid: string, listSid: string): Promise<ExplorerNode> {
      const termination = await expand(await this.trunk(trunkSid), 'Termination');
      return bySid(await fresh(termination), listSid, 'linked list');
    },
  };
}

function sidOfNode(node: ExplorerNode): string | undefined {
  const ref = refFromNode(node) as { kind: string; list?: { sid: string }; address?: { sid: string }; credential?: { sid: string } } | undefined;
  if (!ref) return undefined;
  if (ref.kind === 'ipAddress') return ref.address?.sid;
  if (ref.kind === 'credential') return ref.credential?.sid;
  return ref.list?.sid;
}

/** Everything the termination commands can change, as the emulator holds it (sorted, so two can be compared). */
export interface TerminationState {
  /** IP access control lists by sid: name and "ip/prefix" entries. */
  acls: Record<string, { name: string; entries: string[] }>;
  /** Credential lists by sid: name and usernames. */
  cls: Record<string, { name: string; entries: string[] }>;
  /** Trunks by sid: linked lists and origination SIP URLs. */
  trunks: Record<string, { acls: string[]; cls: string[]; urls: string[] }>;
}

/** The emulator's own records of SIP auth lists, links and origination URLs. */
export function readTermination(emulator: TestEmulator): TerminationState {
  const twilio = emulator.store.twilio;
  const lists = twilio.authLists;
  const state: TerminationState = { acls: {}, cls: {}, trunks: {} };
  for (const l of lists.lists('ip_access_control_lists').values()) {
    state.acls[l.sid] = {
      name: l.friendly_name,
      entries: lists
        .ipAddressesOf(l.sid)
        .values()
        .map((a) => `${a.ip_address}/${a.cidr_prefix_length}`)
        .sort(),
    };
  }
  for (const l of lists.lists('credential_lists').values()) {
    state.cls[l.sid] = {
      name: l.friendly_name,
      entries: lists
        .credentialsOf(l.sid)
        .values()
        .map((c) => c.username)
        .sort(),
    };
  }
  for (const tr of twilio.trunks.all.values()) {
    state.trunks[tr.sid] = {
      acls: lists
        .linksOf('ip_access_control_lists', tr.sid)
        .values()
        .map((l) => l.list_sid)
        .sort(),
      cls: lists
        .linksOf('credential_lists', tr.sid)
        .values()
        .map((l) => l.list_sid)
        .sort(),
      urls: twilio.trunks
        .originationUrlsOf(tr.sid)
        .values()
        .map((u) => u.sip_url)
        .sort(),
    };
  }
  return state;
}

/** Whether the emulator holds `password` as the credential's (it keeps a salted hash only). */
export function holdsPassword(emulator: TestEmulator, listSid: string, credentialSid: string, password: string): boolean {
  const stored = emulator.store.twilio.authLists.credentialsOf(listSid).get(credentialSid);
  return stored !== undefined && passwordMatches(password, stored.password_salt, stored.password_hash);
}

/** Duplicates a user would notice: two lists of a name, two entries alike in a list, a SIP URL twice on a trunk. */
export function duplicatesIn(state: TerminationState): string[] {
  const found: string[] = [];
  const twice = (values: string[], where: string) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) found.push(`${v} twice in ${where}`);
      seen.add(v);
    }
  };
  twice(
    Object.values(state.acls).map((l) => l.name),
    'the IP access control list names',
  );
  twice(
    Object.values(state.cls).map((l) => l.name),
    'the credential list names',
  );
  for (const [sid, l] of [...Object.entries(state.acls), ...Object.entries(state.cls)]) twice(l.entries, sid);
  for (const [sid, tr] of Object.entries(state.trunks)) twice(tr.urls, `the origination URLs of ${sid}`);
  return found;
}

/**
 * Suspends the emulator's fault rules while `action` runs (a colleague's console is not behind
 * the user's network), then puts back what is left of them.
 */
export async function withoutFaults<T>(emulator: TestEmulator, action: () => Promise<T>): Promise<T> {
  const rules = emulator.faults.list();
  emulator.faults.set([]);
  try {
    return await action();
  } finally {
    emulator.faults.set(
      rules.filter((r) => r.times === undefined || r.fired < r.times).map(({ id: _id, fired, ...r }) => ({ ...r, ...(r.times === undefined ? {} : { times: r.times - fired }) })),
    );
  }
}
