import type fc from 'fast-check';
import { commandHarness, type CommandHarness } from '../support/command-harness';
import { clientsFor } from '../support/test-clients';
import type { TestEmulator } from '../support/test-emulator';

// What the model-based suites (termination, routes, inventory) share about running a sequence
// of steps against one emulator.

/** A world a sequence runs in: told to stop, and checked against its model after each step. */
export interface SequenceWorld {
  stopped: boolean;
  check(label: string): void;
}

/** What a world runs commands with: the user's harness (the sandbox account added) and a colleague's own clients. */
export interface WorldSession {
  h: CommandHarness;
  colleague: ReturnType<typeof clientsFor>;
  /** Closes both and lets the next world open. */
  close(): Promise<void>;
}

/**
 * fast-check's time limit (`interruptAfterTimeLimit`) abandons a running sequence without
 * stopping it, and it went on writing into the emulator of the next sequence or test (the
 * termination suite's regressions failed at random after a seed ran out of time). One guard per
 * suite: before the emulator is reset, the world still running is told to stop (its next step
 * throws) and waited for until it has closed.
 */
export class SequenceGuard {
  private running: { world: SequenceWorld; closed: Promise<void> } | undefined;

  /** Stops the sequence still running, if any, and waits for its world to close. */
  async settle(): Promise<void> {
    const previous = this.running;
    if (!previous) return;
    previous.world.stopped = true;
    await previous.closed;
  }

  /** A world on a freshly reset emulator, once the one before it has stopped and closed. */
  async open<W extends SequenceWorld>(emulator: TestEmulator, make: (session: WorldSession) => W): Promise<W> {
    await this.settle();
    await emulator.reset();
    const h = commandHarness(emulator);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const colleague = clientsFor(emulator);
    let closed!: () => void;
    const session: WorldSession = {
      h,
      colleague,
      close: async () => {
        try {
          await h.close();
          await colleague.close();
        } finally {
          if (this.running === entry) this.running = undefined;
          closed();
        }
      },
    };
    const world = make(session);
    const entry = { world, closed: new Promise<void>((resolve) => (closed = resolve)) };
    this.running = entry;
    return world;
  }
}

/** One step of a sequence: a label for the counterexample, when it applies, and what it does. */
export class ModelStep<W extends SequenceWorld> implements fc.AsyncCommand<W, W> {
  constructor(
    private readonly label: string,
    private readonly applies: (w: W) => boolean,
    private readonly act: (w: W) => Promise<void>,
  ) {}
  check(w: Readonly<W>): boolean {
    return this.applies(w as W);
  }
  async run(w: W): Promise<void> {
    if (w.stopped) throw new Error('abandoned by the time limit');
    await this.act(w);
    w.check(this.label);
  }
  toString(): string {
    return this.label;
  }
}
