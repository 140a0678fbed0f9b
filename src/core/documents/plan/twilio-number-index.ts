import type { IncomingPhoneNumber } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';

/**
 * The incoming numbers of one Twilio account, listed once (1,000 a page) and shared by
 * everything in one planning run: resolving a file's E.164 numbers to PN SIDs, finding the
 * trunk a number is on now, and the numbers of every trunk for a bulk fetch. Discard it with
 * the run: it is a snapshot, not a cache that follows the account.
 */
export class TwilioNumberIndex {
  private loading: Promise<void> | undefined;
  private readonly byNumber = new Map<string, IncomingPhoneNumber>();
  private readonly byTrunk = new Map<string, IncomingPhoneNumber[]>();

  constructor(private readonly client: TwilioClient) {}

  /** Lists the account's numbers on first use; later calls share that one listing. */
  load(signal?: AbortSignal): Promise<void> {
    this.loading ??= this.list(signal);
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  async lookup(e164: string, signal?: AbortSignal): Promise<IncomingPhoneNumber | undefined> {
    await this.load(signal);
    return this.byNumber.get(e164);
  }

  async onTrunk(trunkSid: string, signal?: AbortSignal): Promise<readonly IncomingPhoneNumber[]> {
    await this.load(signal);
    return this.byTrunk.get(trunkSid) ?? [];
  }

  /** How many numbers each trunk has (trunks with none are absent). */
  async countsByTrunk(signal?: AbortSignal): Promise<Map<string, number>> {
    await this.load(signal);
    return new Map([...this.byTrunk].map(([sid, numbers]) => [sid, numbers.length]));
  }

  private async list(signal: AbortSignal | undefined): Promise<void> {
    this.byNumber.clear();
    this.byTrunk.clear();
    for await (const number of this.client.incomingPhoneNumbers.list({ pageSize: 1000, signal })) {
      this.byNumber.set(number.phone_number, number);
      if (!number.trunk_sid) continue;
      const list = this.byTrunk.get(number.trunk_sid);
      if (list) list.push(number);
      else this.byTrunk.set(number.trunk_sid, [number]);
    }
  }
}
