/** Where new records get their creation sequence number and their ids. */
export interface KeySource {
  nextSeq(): number;
  /** A Twilio SID: prefix + 32 hex. */
  sid(prefix: string): string;
  /** A CarrierX SID: UUID v4. */
  uuid(): string;
}
