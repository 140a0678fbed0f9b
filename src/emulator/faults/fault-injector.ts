import { Prng } from '../random/prng';
import { ruleApplies, type FaultKind, type FaultRule, type RateLimit } from './fault-rule';
import { TokenBucket } from './token-bucket';

/** A fault that answers instead of the handler (nothing is changed). */
export type EarlyFault = { kind: 'reset' } | { kind: 'server-error'; status: 500 | 503 } | { kind: 'throttle'; retryAfterSeconds: number };
/** A fault that strikes after the handler made its change. */
export type LateFault = { kind: 'reset' } | { kind: 'hold'; ms: number };

/** What happens to one request. */
export interface FaultPlan {
  delayMs: number;
  early?: EarlyFault;
  late?: LateFault;
}

/** A rule in force, with how often it has fired. */
export interface ActiveFault extends FaultRule {
  id: number;
  fired: number;
}

const STAGE: Readonly<Record<FaultKind, 'delay' | 'early' | 'late'>> = {
  latency: 'delay',
  'server-error': 'early',
  throttle: 'early',
  'reset-before-commit': 'early',
  'reset-after-commit': 'late',
  'hold-response': 'late',
};

/**
 * Decides, per request, which faults strike. Every die is rolled on a PRNG seeded from the
 * emulator's seed, so the same requests in the same order meet the same faults.
 */
export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;
  private limit: RateLimit | undefined;
  private bucket: TokenBucket | undefined;
  private prng: Prng;

  constructor(
    private readonly seed: string,
    private readonly now: () => number,
  ) {
    this.prng = Prng.fromSeed(`${seed}:faults`);
  }

  list(): readonly ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  add(rule: FaultRule): ActiveFault {
    const active = { ...rule, id: this.nextId++, fired: 0 };
    this.rules.push(active);
    return { ...active };
  }

  /** Replaces every rule. */
  set(rules: readonly FaultRule[]): void {
    this.rules = [];
    for (const rule of rules) this.add(rule);
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule and the rate limit. */
  clear(): void {
    this.rules = [];
    this.setRateLimit(undefined);
  }

  get rateLimit(): RateLimit | undefined {
    return this.limit ? { ...this.limit } : undefined;
  }

  setRateLimit(limit: RateLimit | undefined): void {
    this.limit = limit;
    this.bucket = limit
      ? new TokenBucket(limit.requestsPerSecond, limit.burst ?? Math.max(1, limit.requestsPerSecond), this.now())
      : undefined;
  }

  /** Back to the given rules and a fresh PRNG, as at start. */
  reset(rules: readonly FaultRule[], limit: RateLimit | undefined): void {
    this.prng = Prng.fromSeed(`${this.seed}:faults`);
    this.nextId = 1;
    this.set(rules);
    this.setRateLimit(limit);
  }

  /** Rolls the dice for one request: the rate limit first, then delays, early and late faults. */
  plan(method: string, pathname: string, template: string | undefined): FaultPlan {
    const wait = this.bucket?.take(this.now()) ?? 0;
    if (wait > 0) return { delayMs: 0, early: { kind: 'throttle', retryAfterSeconds: wait } };
    const plan: FaultPlan = { delayMs: 0 };
    for (const rule of this.firing('delay', method, pathname, template, Infinity)) {
      plan.delayMs += (rule.latencyMs ?? 0) + (rule.jitterMs ? this.prng.int(0, rule.jitterMs) : 0);
    }
    const [early] = this.firing('early', method, pathname, template, 1);
    if (early) return { ...plan, early: this.earlyFault(early) };
    const [late] = this.firing('late', method, pathname, template, 1);
    if (late) plan.late = late.kind === 'reset-after-commit' ? { kind: 'reset' } : { kind: 'hold', ms: late.holdMs ?? 0 };
    return plan;
  }

  /** The rules of a stage that fire for this request (at most `max`), counted as fired. */
  private firing(
    stage: 'delay' | 'early' | 'late',
    method: string,
    pathname: string,
    template: string | undefined,
    max: number,
  ): ActiveFault[] {
    const fired: ActiveFault[] = [];
    for (const rule of this.rules) {
      if (fired.length >= max) break;
      if (STAGE[rule.kind] !== stage || (rule.times !== undefined && rule.fired >= rule.times)) continue;
      if (!ruleApplies(rule, method, pathname, template) || !this.prng.chance(rule.probability ?? 1)) continue;
      rule.fired += 1;
      fired.push(rule);
    }
    return fired;
  }

  private earlyFault(rule: FaultRule): EarlyFault {
    if (rule.kind === 'reset-before-commit') return { kind: 'reset' };
    if (rule.kind === 'throttle') return { kind: 'throttle', retryAfterSeconds: rule.retryAfterSeconds ?? 1 };
    return { kind: 'server-error', status: rule.status ?? (this.prng.chance(0.5) ? 500 : 503) };
  }
}
