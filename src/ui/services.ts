import type * as Crypto from 'node:crypto';
import type * as Fs from 'node:fs/promises';
import type * as Os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AccountConnections, type ConnectionServices } from '../core/accounts/account-connections';
import { AccountRegistry } from '../core/accounts/account-registry';
import { DispatcherPool } from '../core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor, type LogLevel, type Logger } from '../core/http/redacting-logger';
import type { CommandContext } from './commands/command';
import { outputChannelLogger } from './log/output-channel-logger';
import { readNetworkSettings } from './network-settings';
import { ResourceChangeBus } from './resource-change-bus';
import { SandboxHost } from './sandbox/sandbox-host';
import { ExplorerTreeProvider } from './tree/explorer-tree-provider';
import { ExplorerTree } from './tree/explorer-tree';
import type { UserInput } from './user-input';
import { VsCodeUserInput } from './vscode-user-input';
import { VsCodeWorkbench } from './vscode-workbench';

/** The extension's long-lived services, built once at activation (no network until used). */
export interface Services {
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly redactor: SecretRedactor;
  readonly accounts: AccountRegistry;
  readonly sandbox: SandboxHost;
  readonly explorer: ExplorerTree;
  readonly explorerProvider: ExplorerTreeProvider;
  /** Changes commands make to provider resources; document statuses listen. */
  readonly resourceChanges: ResourceChangeBus;
  /** Current clients; rebuilt when network settings change. */
  connections(): AccountConnections;
  connectionServices(): ConnectionServices;
  /** The command context, with the prompts in use (tests swap them). */
  commandContext(): CommandContext;
  setUserInput(input: UserInput | undefined): void;
  dispose(): Promise<void>;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const channel = vscode.window.createOutputChannel('Trunkline', { log: true });
  const redactor = new SecretRedactor();
  const config = () => vscode.workspace.getConfiguration('trunkline');
  const log = new RedactingLogger(outputChannelLogger(channel, () => config().get<LogLevel | 'off'>('log.level') ?? 'info'), redactor);
  // node:crypto, node:fs/promises and node:os load when first needed, not at activation.
  const accounts = new AccountRegistry(context.globalState, context.secrets, () => (require('node:crypto') as typeof Crypto).randomUUID());
  const sandbox = new SandboxHost(context.globalStorageUri.fsPath, log);
  const userAgent = `trunkline-vscode/${String(context.extension.packageJSON.version)} vscode/${vscode.version}`;

  let dispatchers = new DispatcherPool(readNetworkSettings(log));
  const buildConnectionServices = (): ConnectionServices => ({ dispatchers, logger: log, redactor, userAgent });
  const buildConnections = () => new AccountConnections(buildConnectionServices(), (a) => accounts.secretsOf(a.id), () => sandbox.endpoint());
  let connections = buildConnections();

  const explorerProvider = new ExplorerTreeProvider(() => explorer);
  const pageSize = () => Math.min(1000, Math.max(1, config().get<number>('pageSize') ?? 50));
  const explorer: ExplorerTree = new ExplorerTree(accounts, {
    get connections() {
      return connections;
    },
    log,
    pageSize,
    changed: (node) => explorerProvider.fire(node),
    reveal: (node) => explorerProvider.reveal(node),
  });

  accounts.onDidChange((change) => connections.invalidate(change.account.id));
  context.subscriptions.push(
    channel,
    explorerProvider,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('trunkline.network') || e.affectsConfiguration('http')) {
        const old = dispatchers;
        dispatchers = new DispatcherPool(readNetworkSettings(log));
        connections = buildConnections();
        void old.close();
        explorer.refresh(undefined);
      } else if (e.affectsConfiguration('trunkline.pageSize')) {
        explorer.refresh(undefined);
      }
    }),
  );

  const resourceChanges = new ResourceChangeBus();
  const realInput = new VsCodeUserInput();
  let input: UserInput = realInput;
  const workbench = new VsCodeWorkbench();
  const showLog = () => channel.show(true);

  return {
    channel,
    log,
    redactor,
    accounts,
    sandbox,
    explorer,
    explorerProvider,
    resourceChanges,
    connections: () => connections,
    connectionServices: buildConnectionServices,
    commandContext: () => ({
      accounts,
      connections,
      connectionServices: buildConnectionServices(),
      explorer,
      resourceChanges,
      input,
      workbench,
      log,
      defaultAccount: () => config().get<string>('defaultAccount'),
      sandbox,
      showLog,
      readTwilioCliConfig: async () => {
        const fs = require('node:fs/promises') as typeof Fs;
        const os = require('node:os') as typeof Os;
        const dir = process.env.TWILIO_CONFIG_DIR ?? path.join(os.homedir(), '.twilio-cli');
        try {
          return await fs.readFile(path.join(dir, 'config.json'), 'utf8');
        } catch {
          return undefined;
        }
      },
    }),
    setUserInput: (next) => {
      input = next ?? realInput;
    },
    dispose: async () => {
      await sandbox.dispose();
      await dispatchers.close();
    },
  };
}

