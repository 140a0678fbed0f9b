import * as readline from 'node:readline';
import type { CliIo } from './cli-io';

/** Asks on stderr, reads one line from stdin: "yes" or "y" (any case) confirms, anything else (or end of input) does not. */
export async function confirm(io: CliIo, question: string, signal: AbortSignal): Promise<boolean> {
  const rl = readline.createInterface({ input: io.stdin, output: undefined, terminal: false });
  io.stderr.write(question);
  try {
    const answer = await new Promise<string | undefined>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(undefined));
      signal.addEventListener('abort', () => resolve(undefined), { once: true });
    });
    return answer !== undefined && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
