import { loadProviderClients } from '../../core/accounts/account-connections';
import type { AccountRegistry } from '../../core/accounts/account-registry';
import { AccountNode } from './account-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { warmUpHttpClient } from '../../core/http/http-client-warm-up';
import { errorLine } from '../../core/http/provider-error';
import { loadUndici } from '../../core/http/load-undici';
import { PagedFolderNode } from './paged-folder-node';
import { NumberCatalog } from './number-catalog';
import { accountIdOfTreeId, accountTreeId, isAtOrBelow } from './tree-ids';

/** How many more pages a reveal loads looking for a new resource in a long folder. */
const REVEAL_PAGE_LIMIT = 20;

/** After the accounts are on screen (and before a user can click one). */
const HTTP_CLIENT_WARM_DELAY_MS = 50;

/**
 * The explorer's model, without the editor: one AccountNode per connected account, and an
 * index of the nodes handed out so commands can refresh a folder by id. An account that is
 * changed or removed loses its node (and everything loaded under it) at once, so stale data
 * is never shown.
 */
export class ExplorerTree {
  private readonly accountNodes = new Map<string, AccountNode>();
  private readonly index = new Map<string, ExplorerNode>();
  /** Every number of each account, for Find Number: kept until a refresh of anything in that account. */
  readonly numbers: NumberCatalog;

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly ctx: ExplorerContext,
  ) {
    this.numbers = new NumberCatalog(ctx.connections);
    accounts.onDidChange((change) => {
      this.forgetAccount(change.account.id);
      this.ctx.changed(undefined);
    });
  }

  roots(): AccountNode[] {
    const roots = this.accounts.list().map((account) => {
      let node = this.accountNodes.get(account.id);
      if (!node) {
        node = new AccountNode(account, this.ctx);
        this.accountNodes.set(account.id, node);
      }
      return node;
    });
    for (const node of roots) this.index.set(node.id, node);
    return roots;
  }

  /**
   * A node's children, from the node the tree holds for that id now. The view keeps the objects
   * it was given and may ask one that a refresh replaced (an account node from before Refresh,
   * asked while the view reloads): it gets the current node's children, so one id is always one
   * node, and a command's refresh by id reaches the rows everyone reads. The children of a node
   * no longer in the tree are answered but not indexed.
   */
  async childrenOf(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (!node) {
      const roots = this.roots();
      if (roots.length > 0) this.warmHttpClient();
      return roots;
    }
    const current = this.index.get(node.id);
    if (!current) return node.children();
    const children = await current.children();
    // A refresh of the node or above it while its page loaded replaced it: its rows are not the tree's.
    if (this.index.get(current.id) === current) for (const child of children) this.index.set(child.id, child);
    return children;
  }

  /** Settles once the HTTP client is loaded (after the view first listed accounts). */
  httpClientReady: Promise<void> | undefined;

  /**
   * The view shows accounts: the first thing a user does next is expand one, which sends the
   * first request of the session. In the idle moment before that click, instead of inside it:
   * the HTTP client (undici, ~27 ms to load) is loaded and run once in memory (its parser is
   * compiled on first use), the accounts' connections are opened and their clients built. No
   * request is sent (see AccountConnections.warmUp).
   */
  private warmHttpClient(): void {
    this.httpClientReady ??= new Promise<void>((resolve) => {
      setTimeout(() => {
        loadUndici();
        try {
          // Connections first: their handshakes go on while the rest runs.
          this.ctx.connections.warmUp(this.accounts.list());
        } catch (e) {
          // Only a head start: the first expansion connects (and reports any problem) itself.
          this.ctx.log.debug(`warm-up: ${errorLine(e)}`);
        }
        void Promise.all([loadProviderClients(), warmUpHttpClient()]).then(() => resolve(), () => resolve());
      }, HTTP_CLIENT_WARM_DELAY_MS).unref?.();
    });
  }

  find(id: string): ExplorerNode | undefined {
    return this.index.get(id);
  }

  /** The node the tree holds now for this node's id (the same node unless a refresh replaced it). */
  current<N extends ExplorerNode>(node: N): N {
    const now = this.index.get(node.id);
    return now && now.constructor === node.constructor ? (now as N) : node;
  }

  /** Reloads a node's children next time it is shown (undefined = every account). */
  refresh(node: ExplorerNode | undefined): void {
    if (node) {
      // The Refresh button on a row the view drew before a reload: the node with its id now.
      node = this.current(node);
      node.reset?.();
      this.dropBelow(node.id);
      // A refresh anywhere in an account (a command changed a trunk, the user pressed Refresh)
      // may mean numbers moved: Find Number reads that account again.
      this.numbers.forget(accountIdOfTreeId(node.id) ?? '');
    } else {
      this.numbers.forget();
      for (const id of [...this.accountNodes.keys()]) this.forgetAccount(id);
    }
    this.ctx.changed(node);
  }

  /**
   * Finds the node with this id from the roots down (loading pages of a folder as "Load more"
   * would, up to a limit), shows it in the view and selects it, e.g. a resource just created.
   * Returns the node, or undefined when it is not (or no longer) there.
   */
  async reveal(id: string): Promise<ExplorerNode | undefined> {
    const node = await this.locate(id);
    if (node) await this.ctx.reveal?.(node);
    return node;
  }

  /** Finds the node with this id as reveal does (loading what leads to it), without showing it. */
  async locate(id: string): Promise<ExplorerNode | undefined> {
    let node: ExplorerNode | undefined;
    let pages = 0;
    while (node?.id !== id) {
      const children = await this.childrenOf(node);
      const next = children.find((c) => isAtOrBelow(id, c.id));
      if (next) {
        node = next;
        pages = 0;
      } else if (node instanceof PagedFolderNode && node.hasMore && pages++ < REVEAL_PAGE_LIMIT) {
        await node.loadMore();
      } else {
        return undefined;
      }
    }
    return node;
  }

  /**
   * Refreshes the node with this id if it has been shown; returns whether it was found. One
   * that was never shown needs no refresh (it loads fresh when expanded), but it is logged: an
   * id that no node has would otherwise go unnoticed.
   */
  refreshById(id: string): boolean {
    const node = this.index.get(id);
    if (!node) {
      this.ctx.log.info(`Refresh: nothing shown in the Trunks view has the id ${id}; it loads fresh when expanded.`);
      return false;
    }
    this.refresh(node);
    return true;
  }

  private forgetAccount(accountId: string): void {
    this.numbers.forget(accountId);
    this.accountNodes.delete(accountId);
    this.dropBelow(accountTreeId(accountId));
    this.index.delete(accountTreeId(accountId));
  }

  private dropBelow(id: string): void {
    const prefix = `${id}/`;
    for (const key of [...this.index.keys()]) if (key.startsWith(prefix)) this.index.delete(key);
  }
}
