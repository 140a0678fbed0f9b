import type { AccountConnections, ConnectionServices } from '../../core/accounts/account-connections';
import type { AccountRegistry } from '../../core/accounts/account-registry';
import type { Logger } from '../../core/http/redacting-logger';
import type { ResourceChangeBus } from '../resource-change-bus';
import type { ExplorerTree } from '../tree/explorer-tree';
import type { SandboxHost } from '../sandbox/sandbox-host';
import type { UserInput } from '../user-input';
import type { Workbench } from '../workbench';

/** Everything a command may use. Commands import no `vscode`: the same flow runs in unit tests. */
export interface CommandContext {
  readonly accounts: AccountRegistry;
  readonly connections: AccountConnections;
  /** What a new client needs (dispatchers, redacting logger), for checking credentials before saving. */
  readonly connectionServices: ConnectionServices;
  readonly explorer: ExplorerTree;
  /** Fired after every change a command makes to a provider resource (refreshes document statuses). */
  readonly resourceChanges: ResourceChangeBus;
  readonly input: UserInput;
  readonly workbench: Workbench;
  readonly log: Logger;
  /** The `trunkline.defaultAccount` setting: the account pickers offer first. */
  readonly defaultAccount: () => string | undefined;
  readonly sandbox: SandboxHost;
  /** Shows the Trunkline log. */
  readonly showLog: () => void;
  /** Reads `~/.twilio-cli/config.json` (or returns undefined when absent). */
  readonly readTwilioCliConfig: () => Promise<string | undefined>;
  /** The workspace trunk files (as shown, e.g. relative paths) that already claim a trunk domain; absent without trunk-file support. */
  readonly domainClaimedInWorkspace?: ((domain: string) => string[]) | undefined;
}

/** One command: its id (as contributed in package.json) and what it does. */
export interface CommandDefinition<C extends CommandContext = CommandContext> {
  readonly id: string;
  /**
   * Acts on what the workspace's files say or destroys remote resources: unavailable in
   * Restricted Mode (Workspace Trust). The registration wrapper enforces it.
   */
  readonly requiresTrust?: boolean;
  run(ctx: C, ...args: unknown[]): Promise<unknown>;
}
