/** A record with its creation sequence number: lists are ordered by it, page tokens point at it. */
export interface Sequenced {
  readonly seq: number;
}

/** What a list page reads: items strictly after or before a position, in creation order. */
export interface PageSource<T extends Sequenced> {
  after(seq: number, limit: number): T[];
  before(seq: number, limit: number): T[];
}

/** The reading side of an OrderedTable. */
export type ReadonlyOrderedTable<T extends Sequenced> = Pick<
  OrderedTable<T>,
  'size' | 'get' | 'has' | 'values' | 'after' | 'before' | 'filtered'
>;

/**
 * Records by key, kept in creation order so that keyset pages (items after / before a
 * sequence number) stay stable while other records are created and deleted.
 */
export class OrderedTable<T extends Sequenced> implements PageSource<T> {
  private readonly byKey = new Map<string, T>();
  private readonly sorted: T[] = [];

  constructor(private readonly keyOf: (item: T) => string) {}

  get size(): number {
    return this.sorted.length;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Creation order. */
  values(): readonly T[] {
    return this.sorted;
  }

  insert(item: T): void {
    const key = this.keyOf(item);
    if (this.byKey.has(key)) throw new Error(`duplicate key ${key}`);
    this.byKey.set(key, item);
    const last = this.sorted[this.sorted.length - 1];
    if (!last || last.seq < item.seq) this.sorted.push(item);
    else this.sorted.splice(this.firstIndexAfter(item.seq - 1), 0, item);
  }

  delete(key: string): T | undefined {
    const item = this.byKey.get(key);
    if (!item) return undefined;
    this.byKey.delete(key);
    this.sorted.splice(this.firstIndexAfter(item.seq - 1), 1);
    return item;
  }

  clear(): void {
    this.byKey.clear();
    this.sorted.length = 0;
  }

  after(seq: number, limit: number, accept?: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (let i = this.firstIndexAfter(seq); i < this.sorted.length && out.length < limit; i++) {
      const item = this.sorted[i] as T;
      if (!accept || accept(item)) out.push(item);
    }
    return out;
  }

  before(seq: number, limit: number, accept?: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (let i = this.firstIndexAfter(seq - 1) - 1; i >= 0 && out.length < limit; i--) {
      const item = this.sorted[i] as T;
      if (!accept || accept(item)) out.push(item);
    }
    return out.reverse();
  }

  /** A view of this table holding only the records `accept` lets through. */
  filtered(accept: (item: T) => boolean): PageSource<T> {
    return {
      after: (seq, limit) => this.after(seq, limit, accept),
      before: (seq, limit) => this.before(seq, limit, accept),
    };
  }

  /** Index of the first record whose seq is greater than `seq`. */
  private firstIndexAfter(seq: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as T).seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
