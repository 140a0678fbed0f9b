import type { CliCommand } from './cli-command';

/** The part of every help text about options all commands take, accounts and the environment. */
export const COMMON_HELP = `Global options:
  --config FILE          the config file (default: trunkline.config.json in the current
                         directory or the nearest parent)
  --sandbox              run against the embedded emulator: one account named "sandbox" with
                         sample trunks, numbers and trunk groups; nothing reaches a provider
  --sandbox-state FILE   keep the sandbox's data in FILE between runs (implies --sandbox)
  --no-state             do not read or write the sync state (changes made at the provider
                         since the last push are then not detected)
  --format text|json     output format (default text); json output is stable, see the README;
                         plan and drift also write markdown (for pull-request comments)
  -q, --quiet            no notes or progress on stderr
  --verbose              log each API call to stderr (secrets redacted)
  --debug                show stack traces of unexpected errors (also TRUNKLINE_DEBUG=1)
  -h, --help             help; --version  the version

Accounts: trunk files name an account (account: acme-prod). trunkline.config.json maps names
to providers, never to secrets:
  { "accounts": {
      "acme-prod": { "provider": "twilio", "accountSid": "AC…", "env": "ACME_PROD" },
      "cx":        { "provider": "carrierx" } } }
Without a config file, --account NAME names one account whose credentials are the variables
below.

Environment:
  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN   a Twilio account and its Auth Token, or
  TWILIO_API_KEY, TWILIO_API_SECRET       an API key (SK…) and its secret instead of the token
  CARRIERX_TOKEN                          a CarrierX Core API token
  <ENV>_TWILIO_AUTH_TOKEN, …              the same for an account with "env": "<ENV>"
  HTTPS_PROXY, NO_PROXY                   proxy for provider requests (loopback goes direct)
  NODE_EXTRA_CA_CERTS                     a PEM file of extra CAs (a corporate proxy's), read by Node
  TRUNKLINE_DEBUG=1                       as --debug`;

export function mainHelp(commands: readonly CliCommand[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `trunkline ${version}: SIP trunks as code for Twilio and CarrierX.

Usage: trunkline <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "trunkline <command> --help" for a command's options and exit codes.

${COMMON_HELP}
`;
}
