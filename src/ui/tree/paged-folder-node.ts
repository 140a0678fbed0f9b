import { errorLine } from '../../core/http/provider-error';
import type { Page, PageRequest } from '../../core/providers/page';
import { t } from '../l10n';
import { LeafNode, type ExplorerContext, type ExplorerNode } from './explorer-node';
import { emptyTreeId, errorTreeId, loadMoreTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

/**
 * The one node kind that lists a provider collection page by page: the first page when
 * expanded, then a "Load more…" node while the provider has more, and a "Failed to load —
 * click to retry" node (with the provider's message) when a page fails.
 */
export abstract class PagedFolderNode<T> implements ExplorerNode {
  private items: ExplorerNode[] = [];
  private nextCursor: string | undefined;
  private loaded = false;
  private failure: ErrorNode | undefined;
  private loading: Promise<void> | undefined;
  /** Bumped by reset(): a page asked for before a refresh is stale when it arrives after it. */
  private generation = 0;
  private pinned: ExplorerNode[] = [];

  constructor(
    readonly id: string,
    readonly parent: ExplorerNode | undefined,
    protected readonly ctx: ExplorerContext,
  ) {}

  abstract treeItem(): TreeItemData;
  protected abstract fetchPage(req: PageRequest): Promise<Page<T>>;
  protected abstract childFor(item: T): ExplorerNode;
  /** What the items are called in messages, e.g. "trunks". */
  protected abstract readonly noun: string;
  /** Called after a page was added, e.g. to update a parent that shows the count. */
  protected afterLoad(): void {}

  get loadedCount(): number {
    return this.items.length;
  }

  /** The nodes of the pages loaded so far (other rows reuse what is loaded instead of asking again). */
  get loadedNodes(): readonly ExplorerNode[] {
    return this.items;
  }

  /** Whether the first page has arrived (an empty folder is loaded too). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  get hasMore(): boolean {
    return this.nextCursor !== undefined;
  }

  /** The folder's description once something is loaded: the count, with + while more pages remain. */
  protected countDescription(): string | undefined {
    return this.loadedCount > 0 ? `${this.loadedCount}${this.hasMore ? '+' : ''}` : undefined;
  }

  async children(): Promise<ExplorerNode[]> {
    if (!this.loaded && !this.failure) await this.load();
    const tail: ExplorerNode[] = [];
    if (this.failure) tail.push(this.failure);
    else if (this.nextCursor !== undefined) tail.push(new LoadMoreNode(this));
    const listed = new Set(this.items.map((n) => n.id));
    const pinned = this.pinned.filter((n) => !listed.has(n.id));
    if (this.loaded && this.items.length === 0 && pinned.length === 0 && !this.failure) tail.push(new EmptyNode(this, t('No {0}', this.noun)));
    return [...pinned, ...this.items, ...tail];
  }

  /**
   * Shows a node found without paging (Find Number in 10,000 numbers) ahead of the loaded pages,
   * until a page lists it or the folder is refreshed: revealing it needs no walk through pages.
   */
  pin(node: ExplorerNode): void {
    if (this.pinned.some((n) => n.id === node.id) || this.items.some((n) => n.id === node.id)) return;
    this.pinned.push(node);
    this.ctx.changed(this);
  }

  /** Fetches the next page and appends it (the "Load more…" node). */
  async loadMore(): Promise<void> {
    await this.load();
    this.ctx.changed(this);
  }

  reset(): void {
    this.items = [];
    this.nextCursor = undefined;
    this.loaded = false;
    this.failure = undefined;
    this.pinned = [];
    // A load in flight was asked before the change that caused the refresh (an Assign's own
    // write): its answer must not become the refreshed folder's first page.
    this.generation++;
    this.loading = undefined;
  }

  /** Clears a failure and tries again (the error node's click). */
  async retry(): Promise<void> {
    this.failure = undefined;
    this.ctx.changed(this);
  }

  private load(): Promise<void> {
    if (!this.loading) {
      const loading = this.loadOnce().finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** A page asked before a refresh arrived: dropped; its callers wait for the refreshed first page. */
  private async afterRefresh(): Promise<void> {
    if (!this.loaded && !this.failure) await this.load();
  }

  private async loadOnce(): Promise<void> {
    const generation = this.generation;
    try {
      const page = await this.fetchPage({ pageSize: this.ctx.pageSize(), cursor: this.loaded ? this.nextCursor : undefined });
      if (generation !== this.generation) return this.afterRefresh();
      this.items.push(...page.items.map((item) => this.childFor(item)));
      this.nextCursor = page.nextCursor;
      this.loaded = true;
      this.failure = undefined;
      this.afterLoad();
    } catch (e) {
      if (generation !== this.generation) return this.afterRefresh();
      const message = errorLine(e);
      this.ctx.log.error(t('Failed to load {0}: {1}', this.noun, message));
      this.failure = new ErrorNode(this, message);
    }
  }
}

export class LoadMoreNode extends LeafNode {
  readonly id: string;
  constructor(readonly parent: PagedFolderNode<unknown>) {
    super();
    this.id = loadMoreTreeId(parent.id, parent.loadedCount);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Load more…'),
      description: t('{0} loaded', this.parent.loadedCount),
      contextValue: 'trunkline:loadMore',
      icon: { id: 'ellipsis' },
      collapsible: 'none',
      command: { id: 'trunkline.loadMore', title: t('Load more'), arguments: [this] },
    };
  }
}

export class ErrorNode extends LeafNode {
  readonly id: string;
  constructor(
    readonly parent: PagedFolderNode<unknown>,
    readonly message: string,
  ) {
    super();
    this.id = errorTreeId(parent.id);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Failed to load — click to retry'),
      description: this.message,
      tooltip: this.message,
      contextValue: 'trunkline:error',
      icon: { id: 'error', color: 'errorForeground' },
      collapsible: 'none',
      command: { id: 'trunkline.retryLoad', title: t('Retry'), arguments: [this] },
    };
  }
}

export class EmptyNode extends LeafNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    private readonly label: string,
  ) {
    super();
    this.id = emptyTreeId(parent.id);
  }

  treeItem(): TreeItemData {
    return { id: this.id, label: this.label, contextValue: 'trunkline:empty', collapsible: 'none' };
  }
}
