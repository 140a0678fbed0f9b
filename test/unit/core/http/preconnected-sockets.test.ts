import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildConnector, request } from 'undici';
import { DispatcherPool } from '../../../../src/core/http/dispatcher-pool';
import { warmUpHttpClient } from '../../../../src/core/http/http-client-warm-up';
import { PreconnectedSockets } from '../../../../src/core/http/preconnected-sockets';
import { makeTestCertificates, type TestCertificates } from '../../../support/test-certificates';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
before(async () => {
  emulator = await startTestEmulator();
});
after(() => emulator.close());

async function until(condition: () => boolean, what: string, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A server on 127.0.0.1 that answers `{}` and keeps count of its connections (open and accepted). */
async function countingServer(options: { tls?: { key: string; cert: string } } = {}) {
  const open = new Set<Socket>();
  let accepted = 0;
  const handler: http.RequestListener = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    accepted++;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    open,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('connections opened ahead of the first request', () => {
  test('the first requests of a session go out on them, and nothing is sent before', async () => {
    const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 5_000 });
    const { twilio, close } = clientsFor(emulator, { dispatchers });
    try {
      emulator.stats.reset();
      // As for a Twilio account on the emulator: its trunks page and its numbers' listing, at once.
      dispatchers.preconnect(new URL(emulator.baseUrl), 2);
      await until(() => emulator.stats.connections === 2, 'two connections');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(emulator.stats.snapshot().total, 0, 'no request before one is asked for');

      const [trunks, numbers] = await Promise.all([twilio.trunks.page({ pageSize: 2 }), twilio.incomingPhoneNumbers.page({ pageSize: 2 })]);
      assert.equal(trunks.items.length, 2);
      assert.equal(numbers.items.length, 2);
      assert.deepEqual(
        { requests: emulator.stats.snapshot().total, connections: emulator.stats.connections },
        { requests: 2, connections: 2 },
        'both requests on the connections opened ahead',
      );
    } finally {
      await close();
    }
  });

  test('asked for again, it tops up to the count instead of opening more', async () => {
    const server = await countingServer();
    const dispatchers = new DispatcherPool();
    try {
      const url = new URL(`http://127.0.0.1:${server.port}/x`);
      dispatchers.preconnect(url, 2);
      dispatchers.preconnect(url, 2);
      dispatchers.preconnect(url, 1);
      await until(() => server.accepted() >= 2, 'two connections');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(server.accepted(), 2);
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });

  test('unused ones are closed by close(), and none keeps the process alive meanwhile', async () => {
    const server = await countingServer();
    const dispatchers = new DispatcherPool();
    try {
      const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
      // The earlier tests' connections close first.
      await until(() => sockets() === 0, 'no open sockets');
      dispatchers.preconnect(new URL(`http://127.0.0.1:${server.port}/`), 2);
      await until(() => server.open.size === 2, 'two connections');
      // The server's ends hold the process (they are the test's); the client's two must not.
      for (const socket of server.open) socket.unref();
      assert.equal(sockets(), 0, 'a connection waiting for its first request does not keep the process alive');

      await dispatchers.close();
      await until(() => server.open.size === 0, 'the server to see them closed');
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });

  test('one nobody takes is closed after its idle time; a request then connects anew', async () => {
    const server = await countingServer();
    const sockets = new PreconnectedSockets(buildConnector({}), 100);
    try {
      const url = new URL(`http://127.0.0.1:${server.port}/`);
      sockets.preconnect(url, 1);
      await until(() => server.open.size === 1, 'the connection');
      await until(() => server.open.size === 0, 'the server to see it closed', 2_000);
      assert.equal(sockets.size, 0);
      const socket = await new Promise<Socket>((resolve, reject) =>
        sockets.connect({ hostname: '127.0.0.1', host: url.host, protocol: 'http:', port: url.port }, (error, s) => (error ? reject(error) : resolve(s!))),
      );
      socket.destroy();
      assert.equal(server.accepted(), 2);
    } finally {
      sockets.close();
      await server.close();
    }
  });

  test('one that cannot be opened is harmless: the request that needs it reports the usual error', async () => {
    const server = await countingServer();
    const port = server.port;
    await server.close();
    const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000 });
    try {
      const url = new URL(`http://127.0.0.1:${port}/v1/Trunks`);
      dispatchers.preconnect(url, 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await assert.rejects(request(url, { dispatcher: dispatchers.dispatcherFor(url) }), { code: 'ECONNREFUSED' });
    } finally {
      await dispatchers.close();
    }
  });

  test('through a proxy none is opened (the request opens its tunnel)', async () => {
    const server = await countingServer();
    const dispatchers = new DispatcherPool({ proxy: `http://127.0.0.1:${server.port}` });
    try {
      dispatchers.preconnect(new URL('https://trunking.twilio.com/v1/Trunks'), 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(server.accepted(), 0);
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });
});

describe('connections opened ahead over TLS', () => {
  let certs: TestCertificates;
  before(() => {
    certs = makeTestCertificates('localhost');
  });
  after(() => certs.remove());

  test('the handshake is done ahead, with the same trust: the request reuses the connection', async () => {
    const server = await countingServer({ tls: { key: certs.serverKey, cert: certs.serverCert } });
    const dispatchers = new DispatcherPool({ extraCaCertificates: [certs.caCert] });
    try {
      const url = new URL(`https://localhost:${server.port}/v1/Trunks`);
      dispatchers.preconnect(url, 1);
      await until(() => server.accepted() === 1, 'the TLS handshake');
      const res = await request(url, { dispatcher: dispatchers.dispatcherFor(url) });
      assert.equal(res.statusCode, 200);
      await res.body.text();
      assert.equal(server.accepted(), 1);
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });

  test('an untrusted certificate is refused ahead as it is refused for a request', async () => {
    const server = await countingServer({ tls: { key: certs.selfSignedKey, cert: certs.selfSignedCert } });
    const dispatchers = new DispatcherPool();
    try {
      const url = new URL(`https://localhost:${server.port}/v1/Trunks`);
      dispatchers.preconnect(url, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await assert.rejects(request(url, { dispatcher: dispatchers.dispatcherFor(url) }), (e: Error & { code?: string }) => /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/.test(e.code ?? ''));
      assert.equal(server.accepted(), 0);
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });
});

describe('the HTTP client warm-up', () => {
  test('runs in memory: no connection, no request', async () => {
    emulator.stats.reset();
    const sockets = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    await warmUpHttpClient();
    await warmUpHttpClient();
    assert.deepEqual({ connections: emulator.stats.connections, requests: emulator.stats.snapshot().total }, { connections: 0, requests: 0 });
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length, sockets);
  });
});
