import { Prng, type PrngState } from './prng';

/** Twilio SIDs (two-letter prefix + 32 hex), CarrierX UUIDs and request ids, all from one seeded stream. */
export class IdGenerator {
  constructor(private prng: Prng) {}

  static fromSeed(seed: string | number): IdGenerator {
    return new IdGenerator(Prng.fromSeed(seed));
  }

  /** `sid('TK')` → `TK` + 32 lowercase hex, the form of the fixtures. */
  sid(prefix: string): string {
    return prefix + this.prng.hex(16);
  }

  /** A version-4 UUID, the form of every CarrierX *_sid. */
  uuid(): string {
    const hex = this.prng.hex(16);
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  state(): PrngState {
    return this.prng.state();
  }

  restore(state: PrngState): void {
    this.prng = Prng.fromState(state);
  }
}
