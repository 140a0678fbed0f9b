const POLL_MS = 50;

/**
 * Waits until `condition` holds, for state the workbench reaches asynchronously (activation,
 * a view becoming visible). Fails with `what` in the message, well inside mocha's test timeout.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
