import { startEmulator, type EmulatorOptions } from '../src/emulator/emulator-server';

// The emulator in its own process, so that its work is not timed as the client's: the bench
// process forks this file and talks to it over the IPC channel (see bench-emulator.ts).

export type EmulatorRequest =
  | { type: 'reset' }
  | { type: 'stats' }
  | { type: 'resetStats' }
  | { type: 'gc' }
  | { type: 'trunks' }
  | { type: 'rateLimit'; requestsPerSecond: number | undefined };

export type EmulatorReply =
  | { type: 'started'; baseUrl: string; credentials: { accountSid: string; authToken: string; carrierXToken: string } }
  | { type: 'done'; id: number; value?: unknown }
  | { type: 'failed'; id?: number; message: string };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
  const emulator = await startEmulator(options);
  const send = (reply: EmulatorReply) => process.send?.(reply);
  send({ type: 'started', baseUrl: emulator.baseUrl, credentials: { accountSid: emulator.credentials.accountSid, authToken: emulator.credentials.authToken, carrierXToken: emulator.credentials.carrierXToken } });
  process.on('message', (message: EmulatorRequest & { id: number }) => {
    void (async () => {
      try {
        switch (message.type) {
          case 'reset':
            await emulator.reset();
            return send({ type: 'done', id: message.id });
          case 'stats':
            return send({ type: 'done', id: message.id, value: emulator.stats.snapshot() });
          case 'resetStats':
            emulator.stats.reset();
            return send({ type: 'done', id: message.id });
          case 'gc':
            (globalThis as { gc?: () => void }).gc?.();
            return send({ type: 'done', id: message.id });
          case 'trunks': {
            const trunks = emulator.store.twilio.trunks.all.values();
            const domains = new Set(trunks.map((t) => (t.domain_name ?? '').toLowerCase()));
            return send({ type: 'done', id: message.id, value: { count: trunks.length, distinctDomains: domains.size } });
          }
          case 'rateLimit':
            emulator.faults.setRateLimit(message.requestsPerSecond ? { requestsPerSecond: message.requestsPerSecond } : undefined);
            return send({ type: 'done', id: message.id });
        }
      } catch (error) {
        send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  // The parent going away (even killed) closes the channel: never outlive it.
  process.on('disconnect', () => void emulator.close().finally(() => process.exit(0)));
}

main().catch((error: Error) => {
  process.send?.({ type: 'failed', message: error.message } satisfies EmulatorReply);
  process.exit(1);
});
