/** Classic token bucket: `rate` tokens per second, at most `capacity` saved up. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes a token: 0 when granted, else the whole seconds until one is available (for Retry-After). */
  take(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (Math.max(0, now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }
}
