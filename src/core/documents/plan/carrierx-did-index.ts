import { fromCarrierXNumber } from '../../providers/carrierx/carrierx-number';
import type { CarrierXClient } from '../../providers/carrierx/carrierx-client';
import type { Did } from '../../providers/carrierx/models';

/**
 * The DIDs of one CarrierX account, listed once (1,000 a page) and shared by everything in one
 * planning run: resolving a file's E.164 numbers to DIDs, the group each is on now, and the
 * DIDs of every group for a bulk fetch. A snapshot for the run, as TwilioNumberIndex is.
 */
export class CarrierXDidIndex {
  private loading: Promise<void> | undefined;
  private readonly byNumber = new Map<string, Did>();
  private readonly byGroup = new Map<string, Did[]>();

  constructor(private readonly client: Pick<CarrierXClient, 'dids'>) {}

  load(signal?: AbortSignal): Promise<void> {
    this.loading ??= this.list(signal);
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  /** The DID of an E.164 number (`+15162065574`), if the partner rents it. */
  async lookup(e164: string, signal?: AbortSignal): Promise<Did | undefined> {
    await this.load(signal);
    return this.byNumber.get(e164);
  }

  async onGroup(groupSid: string, signal?: AbortSignal): Promise<readonly Did[]> {
    await this.load(signal);
    return this.byGroup.get(groupSid.toLowerCase()) ?? [];
  }

  private async list(signal: AbortSignal | undefined): Promise<void> {
    this.byNumber.clear();
    this.byGroup.clear();
    for await (const did of this.client.dids.list({ pageSize: 1000, signal })) {
      this.byNumber.set(fromCarrierXNumber(did.phonenumber), did);
      if (!did.trunk_group_sid) continue;
      const key = did.trunk_group_sid.toLowerCase();
      const list = this.byGroup.get(key);
      if (list) list.push(did);
      else this.byGroup.set(key, [did]);
    }
  }
}
