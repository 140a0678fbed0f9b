/** Where a run reads and writes: the process, or a test's buffers. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Prompts need a terminal on stdin; progress is drawn only when stderr is one. */
  isTTY: { stdin: boolean; stdout: boolean; stderr: boolean };
}

export interface TextSink {
  write(text: string): void;
}

export function processIo(): CliIo {
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    isTTY: { stdin: !!process.stdin.isTTY, stdout: !!process.stdout.isTTY, stderr: !!process.stderr.isTTY },
  };
}
