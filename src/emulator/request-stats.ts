export interface StatsSnapshot {
  total: number;
  /** Requests by `METHOD /route/{Template}`; requests no route matched count as `METHOD (unmatched)`. */
  requests: Record<string, number>;
}

/** One provider request as it arrived: which resource it named, not what it carried. */
export interface RequestRecord {
  method: string;
  /** The path without the query, e.g. `/v1/Trunks/TK…/OriginationUrls`. */
  path: string;
}

/** How many recent requests `log()` keeps: enough for a test's window, bounded for long runs. */
const LOG_LIMIT = 20_000;

/**
 * Counts provider requests (not control requests), so tests and benchmarks can see what a
 * client sent, and keeps the latest ones in order (which resource each named), so a test can
 * compare what was sent with what a plan showed.
 */
export class RequestStats {
  private counts = new Map<string, number>();
  private total = 0;
  private accepted = 0;
  private records: RequestRecord[] = [];

  record(method: string, template: string | undefined, path?: string): void {
    const key = statsKey(method, template);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
    if (path !== undefined) {
      this.records.push({ method: method.toUpperCase(), path });
      if (this.records.length > LOG_LIMIT) this.records.splice(0, this.records.length - LOG_LIMIT);
    }
  }

  /** A client opened a connection (whether or not it sends a request on it). */
  connected(): void {
    this.accepted += 1;
  }

  /** Connections the server accepted since the last reset (a client that reuses its connections opens few). */
  get connections(): number {
    return this.accepted;
  }

  /** The latest requests, oldest first (at most 20,000; `total` says how many there were). */
  log(): readonly RequestRecord[] {
    return this.records;
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
    this.accepted = 0;
    this.records = [];
  }
}

function statsKey(method: string, template: string | undefined): string {
  return `${method.toUpperCase()} ${template ?? '(unmatched)'}`;
}
