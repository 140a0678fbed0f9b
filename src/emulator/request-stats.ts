export interface StatsSnapshot {
  total: number;
  /** Requests by `METHOD /route/{Template}`; requests no route matched count as `METHOD (unmatched)`. */
  requests: Record<string, number>;
}

/** Counts provider requests (not control requests), so tests and benchmarks can see what a client sent. */
export class RequestStats {
  private counts = new Map<string, number>();
  private total = 0;

  record(method: string, template: string | undefined): void {
    const key = statsKey(method, template);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  /** How many `method` requests matched the route `template` (e.g. `GET`, `/v1/Trunks/{Sid}`). */
  count(method: string, template: string): number {
    return this.counts.get(statsKey(method, template)) ?? 0;
  }

  snapshot(): StatsSnapshot {
    return { total: this.total, requests: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.counts = new Map();
    this.total = 0;
  }
}

function statsKey(method: string, template: string | undefined): string {
  return `${method.toUpperCase()} ${template ?? '(unmatched)'}`;
}
