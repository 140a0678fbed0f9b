import type * as Stream from 'node:stream';
import { loadUndici } from './load-undici';

/** What the made-up server answers: headers as a provider sends them, a small JSON body. */
const ANSWER = Buffer.from(
  [
    'HTTP/1.1 200 OK',
    'content-type: application/json; charset=utf-8',
    'content-length: 2',
    'connection: keep-alive',
    'date: Thu, 01 Jan 1970 00:00:00 GMT',
    'x-request-id: warm-up',
    '',
    '{}',
  ].join('\r\n'),
);

let warmed: Promise<void> | undefined;

/**
 * Runs one made-up exchange through undici's HTTP/1.1 client over a stream in memory: nothing
 * leaves the process, no connection is opened. The first response a session parses is slow
 * (V8 compiles llhttp's WebAssembly functions on their first call, ~10 ms, and the client's
 * code runs for the first time); done in an idle moment, the user's first request is not.
 * Once per process; never fails (the first real request would just be slower).
 */
export function warmUpHttpClient(): Promise<void> {
  warmed ??= (async () => {
    const undici = loadUndici();
    // The path a provider request takes (request → Agent → Pool → Client), to a host that is never resolved.
    const agent = new undici.Agent({ connect: (_options, callback) => callback(null, answeringStream() as never) });
    try {
      const res = await undici.request('http://warm-up.invalid/', { method: 'GET', headers: { accept: 'application/json' }, dispatcher: agent });
      await res.body.text();
    } finally {
      await agent.destroy();
    }
  })().catch(() => undefined);
  return warmed;
}

/** A stream that answers the first request written to it with ANSWER, as a socket would. */
function answeringStream(): Stream.Duplex {
  // node:stream is loaded here, with the warm-up, not at activation (this module is in the extension's first bundle).
  const { Duplex } = require('node:stream') as typeof Stream;
  let answered = false;
  const stream = new Duplex({
    read() {},
    write(_chunk, _encoding, done) {
      done();
      if (answered) return;
      answered = true;
      setImmediate(() => stream.push(ANSWER));
    },
  });
  // What undici calls on a socket besides the stream API.
  return Object.assign(stream, { ref: () => stream, unref: () => stream, setNoDelay: () => stream, setKeepAlive: () => stream });
}
