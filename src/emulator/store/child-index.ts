import { OrderedTable, type ReadonlyOrderedTable, type Sequenced } from './ordered-table';

/** Child records grouped by their parent's key (a trunk's numbers, a group's trunks), each group in creation order. */
export class ChildIndex<T extends Sequenced> {
  private readonly groups = new Map<string, OrderedTable<T>>();
  private static readonly EMPTY = new OrderedTable<never>(() => '');

  constructor(private readonly keyOf: (item: T) => string) {}

  /** The parent's children; an empty table when it has none. */
  of(parent: string): ReadonlyOrderedTable<T> {
    return this.groups.get(parent) ?? (ChildIndex.EMPTY as ReadonlyOrderedTable<never>);
  }

  add(parent: string, item: T): void {
    let group = this.groups.get(parent);
    if (!group) {
      group = new OrderedTable(this.keyOf);
      this.groups.set(parent, group);
    }
    group.insert(item);
  }

  remove(parent: string, key: string): T | undefined {
    const group = this.groups.get(parent);
    const removed = group?.delete(key);
    if (group && group.size === 0) this.groups.delete(parent);
    return removed;
  }

  /** Forgets the parent's group and returns the children it held. */
  removeParent(parent: string): readonly T[] {
    const group = this.groups.get(parent);
    this.groups.delete(parent);
    return group ? group.values() : [];
  }

  clear(): void {
    this.groups.clear();
  }
}
