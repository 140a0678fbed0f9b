// How an integration test reaches the emulator the driver started for this run
// (scripts/emulator-process.mjs): the extension host inherits the driver's environment.

export interface EmulatorConnection {
  /** e.g. http://127.0.0.1:PORT; serves the Twilio and CarrierX paths alike. */
  readonly baseUrl: string;
  /** Every `key: value` line the emulator printed on start (base-url, sandbox credentials), keyed as printed. */
  readonly startup: Readonly<Record<string, string>>;
}

export function emulatorConnection(): EmulatorConnection {
  const baseUrl = process.env.TRUNKLINE_EMULATOR_URL;
  if (!baseUrl) {
    throw new Error('No emulator in this run: the driver starts dist/emulator.js when it is built (npm run build).');
  }
  const startup = JSON.parse(process.env.TRUNKLINE_EMULATOR_STARTUP ?? '{}') as Record<string, string>;
  return { baseUrl, startup };
}
