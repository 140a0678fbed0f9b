import type { TrunkKind } from '../core/documents/file/trunk-kinds';

/**
 * A resource Trunkline just changed, named the way trunk files name it: the account's name,
 * the document kind it belongs to (a number or an origination URL belongs to its trunk, a
 * CarrierX trunk to its group) and that resource's sid.
 */
export interface ResourceChange {
  account: string;
  kind: TrunkKind;
  sid: string;
}

export interface ResourceChangeSubscription {
  dispose(): void;
}

/**
 * Commands fire a change after every write they make (tree or palette); the document status
 * cache listens and re-checks every open document about that resource at once, so a lens never
 * keeps saying "in sync" after Trunkline itself changed the remote. No `vscode` here: commands
 * run in unit tests too.
 */
export class ResourceChangeBus {
  private readonly listeners = new Set<(change: ResourceChange) => void>();

  fire(change: ResourceChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not fail the command that already changed the resource.
      }
    }
  }

  onDidChange(listener: (change: ResourceChange) => void): ResourceChangeSubscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
