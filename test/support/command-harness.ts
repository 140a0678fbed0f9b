import { randomUUID } from 'node:crypto';
import { AccountConnections } from '../../src/core/accounts/account-connections';
import { AccountRegistry, type KeyValueStore, type SecretStore } from '../../src/core/accounts/account-registry';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor } from '../../src/core/http/redacting-logger';
import type { CommandContext } from '../../src/ui/commands/command';
import { ResourceChangeBus, type ResourceChange } from '../../src/ui/resource-change-bus';
import type { SandboxHost } from '../../src/ui/sandbox/sandbox-host';
import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { ScriptedUserInput, type ScriptedAnswer } from './scripted-user-input';
import { RecordingWorkbench } from './recording-workbench';
import { MemoryLogger } from './test-clients';
import type { TestEmulator } from './test-emulator';

export class MemoryKeyValueStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

/**
 * Everything a command needs, built the way the extension builds it but without the editor:
 * accounts in memory, real clients against the test emulator (which also plays the sandbox),
 * the real explorer model, scripted prompts and a recording workbench.
 */
export function commandHarness(emulator: TestEmulator) {
  const state = new MemoryKeyValueStore();
  const secrets = new MemorySecretStore();
  const sink = new MemoryLogger();
  const redactor = new SecretRedactor();
  const log = new RedactingLogger(sink, redactor);
  const accounts = new AccountRegistry(state, secrets, randomUUID);
  const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 5_000 });
  const connectionServices = { dispatchers, logger: log, redactor };
  const c = emulator.credentials;
  const sandboxEndpoint = async () => ({ baseUrl: emulator.baseUrl, accountSid: c.accountSid, authToken: c.authToken, carrierxToken: c.carrierXToken });
  const connections = new AccountConnections(connectionServices, (a) => accounts.secretsOf(a.id), sandboxEndpoint);
  accounts.onDidChange((change) => connections.invalidate(change.account.id));
  const changed: (ExplorerNode | undefined)[] = [];
  let pageSize = 50;
  const revealed: ExplorerNode[] = [];
  const explorer = new ExplorerTree(accounts, { connections, log, pageSize: () => pageSize, changed: (n) => changed.push(n), reveal: async (n) => void revealed.push(n) });
  const workbench = new RecordingWorkbench();
  const resourceChanges = new ResourceChangeBus();
  const resourcesChanged: ResourceChange[] = [];
  resourceChanges.onDidChange((change) => resourcesChanged.push(change));
  let input = new ScriptedUserInput([]);
  let twilioCliConfig: string | undefined;
  let defaultAccount: string | undefined;
  const sandbox = { endpoint: sandboxEndpoint } as unknown as SandboxHost;
  const context = (): CommandContext => ({
    accounts,
    connections,
    connectionServices,
    explorer,
    resourceChanges,
    input,
    workbench,
    log,
    defaultAccount: () => defaultAccount,
    sandbox,
    showLog: () => {},
    readTwilioCliConfig: async () => twilioCliConfig,
  });
  return {
    accounts,
    secrets,
    state,
    connections,
    explorer,
    workbench,
    sink,
    changed,
    /** What commands announced they changed at the provider (ResourceChangeBus), in order. */
    resourcesChanged,
    /** The nodes shown and selected in the view (after a create). */
    revealed,
    context,
    setPageSize: (n: number) => (pageSize = n),
    setTwilioCliConfig: (text: string | undefined) => (twilioCliConfig = text),
    /** Plays the `trunkline.defaultAccount` setting. */
    setDefaultAccount: (name: string | undefined) => (defaultAccount = name),
    /** Scripts the next prompts; returns the double to inspect afterwards. */
    answers(steps: ScriptedAnswer[]): ScriptedUserInput {
      input = new ScriptedUserInput(steps);
      return input;
    },
    /** The node at the end of a path of labels (or patterns) from the roots; fails naming the labels where one is missing. */
    async nodeAt(path: readonly (string | RegExp)[]): Promise<ExplorerNode> {
      let node: ExplorerNode | undefined;
      for (const label of path) {
        const children = await explorer.childrenOf(node);
        node = children.find((c) => (typeof label === 'string' ? c.treeItem().label === label : label.test(c.treeItem().label)));
        if (!node) throw new Error(`no ${String(label)} in ${children.map((c) => c.treeItem().label).join(', ')}`);
      }
      if (!node) throw new Error('an empty path names no node');
      return node;
    },
    close: () => dispatchers.close(),
  };
}

export type CommandHarness = ReturnType<typeof commandHarness>;
