import { collect } from '../../src/core/providers/page';
import { BenchEmulator } from '../bench-emulator';
import { ratioResult, type Benchmark } from '../benchmark';
import { collectGarbage, interleave, timed } from '../measure';
import { trunklineClient } from '../trunkline-clients';
import { twilioSdkPeer } from '../twilio-sdk-peer';

const PAGE_SIZE = 1000;

/** Every trunk of a large account, 1,000 a page: Trunkline's client vs the official SDK. */
export const enumerateTrunks: Benchmark = {
  id: 'enumerate',
  async run(config) {
    const emulator = await BenchEmulator.start({ seeding: { trunks: config.trunks } });
    const { twilio, dispatchers } = trunklineClient(emulator);
    const sdk = twilioSdkPeer(emulator);
    try {
      const expect = (n: number) => {
        if (n !== config.trunks) throw new Error(`listed ${n} trunks, expected ${config.trunks}`);
      };
      const rounds = await interleave(
        {
          trunkline: () => timed(async () => expect((await collect(twilio.trunks.list({ pageSize: PAGE_SIZE }))).length)),
          sdk: () => timed(async () => expect((await sdk.trunking.v1.trunks.list({ pageSize: PAGE_SIZE })).length)),
        },
        {
          // Pages take tens of ms and the machine is shared: many short rounds, GC'd before each.
          rounds: Math.max(config.rounds, 15),
          warmup: Math.max(config.warmup, 2),
          before: async () => {
            await emulator.gc();
            collectGarbage();
          },
        },
      );
      return [
        ratioResult({
          name: `enumerate ${config.trunks.toLocaleString('en-US')} Twilio trunks (page size ${PAGE_SIZE})`,
          unit: 'ms',
          trunkline: rounds.trunkline,
          peer: rounds.sdk,
          peerName: 'twilio SDK',
          maxRatio: 1.0,
          notes: [
            'Both clients keep their connections between rounds; the emulator runs in its own process. Trunkline validates every trunk against its model (zod); the SDK turns each into a TrunkInstance (dates parsed with dayjs).',
          ],
        }),
      ];
    } finally {
      await dispatchers.close();
      await emulator.close();
    }
  },
};
