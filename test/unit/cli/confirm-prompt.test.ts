import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { confirm } from '../../../src/cli/confirm-prompt';
import type { CliIo } from '../../../src/cli/cli-io';

// apply's confirmation needs a terminal on stdin, which a child process in a test does not
// have; the prompt itself is exercised here on a stream.

function ioWith(stdin: PassThrough): { io: CliIo; stderr: () => string } {
  let stderr = '';
  const io: CliIo = {
    stdout: { write: () => undefined },
    stderr: { write: (t) => void (stderr += t) },
    stdin,
    env: {},
    cwd: process.cwd(),
    isTTY: { stdin: true, stdout: false, stderr: false },
  };
  return { io, stderr: () => stderr };
}

describe('the apply confirmation', () => {
  for (const [answer, expected] of [['yes\n', true], ['Y\n', true], ['no\n', false], ['\n', false], ['yes please\n', false]] as const) {
    it(`${expected ? 'confirms' : 'declines'} on ${JSON.stringify(answer)}`, async () => {
      const stdin = new PassThrough();
      const { io, stderr } = ioWith(stdin);
      const answered = confirm(io, 'Apply 2 operations to 1 document? Type "yes" to continue: ', new AbortController().signal);
      stdin.end(answer);
      assert.equal(await answered, expected);
      assert.equal(stderr(), 'Apply 2 operations to 1 document? Type "yes" to continue: ');
    });
  }

  it('declines when stdin ends or the run is interrupted', async () => {
    const closed = new PassThrough();
    const atEnd = confirm(ioWith(closed).io, '? ', new AbortController().signal);
    closed.end();
    assert.equal(await atEnd, false);

    const controller = new AbortController();
    const interrupted = confirm(ioWith(new PassThrough()).io, '? ', controller.signal);
    controller.abort();
    assert.equal(await interrupted, false);
  });
});
