import { CarrierXState, type CarrierXSnapshot } from '../carrierx/carrierx-state';
import { IdGenerator } from '../random/id-generator';
import type { PrngState } from '../random/prng';
import { TwilioState, type TwilioSnapshot } from '../twilio/twilio-state';
import type { KeySource } from './key-source';

export const SNAPSHOT_VERSION = 1;

/** The whole emulator state as JSON: persisted to --persist files and served at /__emulator/state. */
export interface EmulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** The last creation sequence number handed out. */
  seq: number;
  /** Where the id generator stands, so a reloaded emulator never repeats a SID. */
  ids: PrngState;
  twilio: TwilioSnapshot;
  carrierx: CarrierXSnapshot;
}

/** All emulated data, with the sequence numbers and ids new records get. */
export class EmulatorStore implements KeySource {
  readonly twilio: TwilioState;
  readonly carrierx: CarrierXState;
  private seq = 0;
  private ids: IdGenerator;

  constructor(private readonly seed: string) {
    this.ids = IdGenerator.fromSeed(`${seed}:ids`);
    this.twilio = new TwilioState(this);
    this.carrierx = new CarrierXState(this);
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  sid(prefix: string): string {
    return this.ids.sid(prefix);
  }

  uuid(): string {
    return this.ids.uuid();
  }

  /** A deep copy: later changes to the store do not show in it. */
  snapshot(): EmulatorSnapshot {
    return structuredClone({
      version: SNAPSHOT_VERSION,
      seq: this.seq,
      ids: this.ids.state(),
      twilio: this.twilio.snapshot(),
      carrierx: this.carrierx.snapshot(),
    });
  }

  restore(saved: EmulatorSnapshot): void {
    const snapshot = structuredClone(saved);
    this.twilio.restore(snapshot.twilio);
    this.carrierx.restore(snapshot.carrierx);
    this.seq = snapshot.seq;
    this.ids.restore(snapshot.ids);
  }

  /** Empties every table and restarts ids and sequence numbers from the seed. */
  clear(): void {
    this.twilio.clear();
    this.carrierx.clear();
    this.seq = 0;
    this.ids = IdGenerator.fromSeed(`${this.seed}:ids`);
  }
}
