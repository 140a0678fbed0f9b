import type { SecretRequest } from '../core/documents/apply/secret-request';
import { secretProblem } from '../core/documents/apply/secret-requests';
import { plural } from '../core/documents/plan/message-text';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

// The secrets a plan needs and no file may hold (a CarrierX endpoint's SIP passwords), read from
// the environment variables the requests name (documented in the README). Every value is handed
// to the redactor before anything could print it. A missing or unusable one refuses the apply
// before its first write, naming the variable to set.

/** The secrets by SecretRequest.key, or a CliError naming every variable that is missing or unusable. */
export function secretsFromEnv(requests: readonly SecretRequest[], env: NodeJS.ProcessEnv, addSecret: (value: string) => void): Map<string, string> {
  const secrets = new Map<string, string>();
  const problems: string[] = [];
  for (const request of requests) {
    const value = env[request.envVar];
    if (value !== undefined && value !== '') addSecret(value);
    const problem = value === undefined || value === '' ? 'it is not set' : secretProblem(request, value);
    if (problem) problems.push(`${request.envVar} (${request.what}): ${problem.replace(/\.$/, '')}`);
    else secrets.set(request.key, value!);
  }
  if (problems.length > 0) {
    throw new CliError(
      `Nothing applied: the plan needs ${plural(problems.length, 'secret')} that no trunk file holds. Set ${problems.length === 1 ? 'this environment variable' : 'these environment variables'}, then run apply again:\n  ${problems.join('\n  ')}`,
      ExitCode.setup,
      'missing-secret',
    );
  }
  return secrets;
}
