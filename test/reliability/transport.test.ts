import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent, request } from 'undici';
import { DispatcherPool, networkOptionsFromEnv, type NetworkOptions } from '../../src/core/http/dispatcher-pool';
import { ProviderError } from '../../src/core/http/provider-error';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { collect } from '../../src/core/providers/page';
import { createTwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { runNodeScript } from '../support/node-process';
import { json, startScriptedServer } from '../support/scripted-server';
import { SteppingClock } from '../support/stepping-clock';
import { makeTestCertificates, type TestCertificates } from '../support/test-certificates';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures } from './reliability-run';

// Where requests go and how: TLS is always verified (a self-signed or unknown CA is refused
// with a message that says what to do), plain http only to this machine, a proxy is used when
// set and bypassed for NO_PROXY and loopback, a corporate CA is trusted only when configured,
// and nothing in a response can send the credentials to another host.

/** A name that never resolves: reaching it at all proves the request went through the proxy. */
const REMOTE_HOST = 'api.trunkline.invalid';
const figures = { checks: 0, violations: 0 };

let certs: TestCertificates;
let emulator: TestEmulator;
/** TLS servers standing in for remote hosts, passing requests to the emulator. */
let trusted: StandIn;
let selfSigned: StandIn;
let proxy: ConnectProxy;

interface StandIn {
  port: number;
  /** HTTP requests that got through the TLS handshake. */
  requests: number;
  /** TCP connections made to it (one per attempt). */
  connections: number;
  close(): Promise<void>;
}

async function startStandIn(key: string, cert: string, target: string): Promise<StandIn> {
  const standIn = { port: 0, requests: 0, connections: 0, close: async () => {} };
  const server = https.createServer({ key, cert }, (req, res) => {
    standIn.requests += 1;
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connection', () => (standIn.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.port = (server.address() as AddressInfo).port;
  standIn.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return standIn;
}

before(async () => {
  certs = makeTestCertificates(REMOTE_HOST);
  emulator = await startTestEmulator();
  trusted = await startStandIn(certs.serverKey, certs.serverCert, emulator.baseUrl);
  selfSigned = await startStandIn(certs.selfSignedKey, certs.selfSignedCert, emulator.baseUrl);
  proxy = await startConnectProxy(trusted.port);
});

after(async () => {
  recordFigures('transport', figures);
  await Promise.all([proxy.close(), trusted.close(), selfSigned.close()]);
  await emulator.close();
  certs.remove();
});

/** A test whose failure counts as a transport violation in the summary. */
function check(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    figures.checks += 1;
    try {
      await body();
    } catch (error) {
      figures.violations += 1;
      throw error;
    }
  });
}

async function withClients<T>(baseUrl: string, network: NetworkOptions, use: (c: { twilio: ReturnType<typeof createTwilioClient>; carrierx: ReturnType<typeof createCarrierXClient> }) => Promise<T>): Promise<T> {
  const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 5_000, ...network });
  const common = { baseUrl, dispatchers, clock: new SteppingClock(), random: () => 0.5 };
  const c = emulator.credentials;
  try {
    return await use({
      twilio: createTwilioClient({ ...common, accountSid: c.accountSid, credentials: { kind: 'authToken', authToken: c.authToken } }),
      carrierx: createCarrierXClient({ ...common, token: c.carrierXToken }),
    });
  } finally {
    await dispatchers.close();
  }
}

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  return assert.fail('the request succeeded');
}

const NOT_TRUSTED = /The TLS certificate of .+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)\)\. If a corporate proxy or CA sits in between, add its certificate in the "trunkline\.network\.caCertificates" setting\./;

describe('TLS verification', () => {
  check('a self-signed server is refused as not trusted, once (never retried), before any request is sent', async () => {
    const before = { requests: selfSigned.requests, connections: selfSigned.connections };
    const error = await withClients(`https://localhost:${selfSigned.port}`, {}, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
    assert.equal(error.kind, 'network');
    assert.match(error.message, NOT_TRUSTED);
    assert.equal(selfSigned.requests - before.requests, 0, 'no request (and no credentials) got through');
    assert.equal(selfSigned.connections - before.connections, 1, 'a certificate problem is not retried');
  });

  check('NODE_TLS_REJECT_UNAUTHORIZED=0 turns verification off for undici by default, but not for Trunkline', async () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const silence = process.emitWarning;
    process.emitWarning = () => {}; // Node's one-time "makes TLS connections insecure" warning
    try {
      // What the environment variable does to a dispatcher that does not insist:
      const plain = new Agent();
      const res = await request(`https://localhost:${selfSigned.port}/__emulator/health`, { dispatcher: plain });
      assert.equal(res.statusCode, 200, 'undici honours NODE_TLS_REJECT_UNAUTHORIZED=0');
      await res.body.dump();
      await plain.close();
      // Trunkline's dispatchers always insist, and there is no option to say otherwise.
      const error = await withClients(`https://localhost:${selfSigned.port}`, {}, ({ carrierx }) => rejection(carrierx.trunkGroups.page({ pageSize: 1 })));
      assert.match(error.message, NOT_TRUSTED);
      // @ts-expect-error NetworkOptions has no way to turn verification off
      const sneaky: NetworkOptions = { rejectUnauthorized: false, insecure: true };
      const still = await withClients(`https://localhost:${selfSigned.port}`, sneaky, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
      assert.match(still.message, NOT_TRUSTED);
    } finally {
      delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      process.emitWarning = silence;
    }
  });

  check('a server signed by an unknown CA is refused; with the CA in extraCaCertificates it is trusted', async () => {
    const base = `https://localhost:${trusted.port}`;
    const refused = await withClients(base, {}, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
    assert.match(refused.message, NOT_TRUSTED);
    const page = await withClients(base, { extraCaCertificates: [certs.caCert] }, ({ twilio }) => twilio.trunks.page({ pageSize: 2 }));
    assert.equal(page.items.length, 2);
    const groups = await withClients(base, { extraCaCertificates: [certs.caCert] }, ({ carrierx }) => carrierx.trunkGroups.page({ pageSize: 1 }));
    assert.equal(groups.items.length, 1);
  });
});

describe('plain http', () => {
  check('is refused for any host but this machine, before a connection is made', async () => {
    for (const base of ['http://api.twilio.com', `http://${REMOTE_HOST}`, 'http://10.0.0.1:4010', 'http://localhost.example.com', 'http://127.0.0.1.nip.io', 'http://[::ffff:a00:1]']) {
      const error = await withClients(base, {}, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
      assert.equal(error.kind, 'config', base);
      assert.match(error.message, /Refusing plain http:\/\/ to .+: credentials would be sent unencrypted\. Use https:\/\/, or http:\/\/ only for 127\.0\.0\.1\/localhost\./);
    }
    for (const base of ['ftp://api.twilio.com', 'file:///etc']) {
      const error = await withClients(base, {}, ({ carrierx }) => rejection(carrierx.trunkGroups.page({ pageSize: 1 })));
      assert.equal(error.kind, 'config', base);
    }
    const local = await withClients(emulator.baseUrl.replace('127.0.0.1', 'localhost'), {}, ({ twilio }) => twilio.trunks.page({ pageSize: 1 }));
    assert.equal(local.items.length, 1);
  });

  check('a redirect or a next-page link cannot send the credentials to another host', async () => {
    const server = await startScriptedServer((req, res, n) => {
      if (req.url.startsWith('/v1/ByocTrunks')) {
        res.writeHead(307, { location: `https://${REMOTE_HOST}/v1/ByocTrunks` });
        return res.end();
      }
      const next = n === 1 ? `http://${REMOTE_HOST}:80/v1/Trunks?PageSize=1&Page=1&PageToken=PAx` : null;
      json(res, 200, { trunks: [], meta: { page: n - 1, page_size: 1, first_page_url: '', previous_page_url: null, next_page_url: next, url: '', key: 'trunks' } });
    });
    try {
      await withClients(server.url, { proxy: proxy.url }, async ({ twilio }) => {
        const tunnels = proxy.tunnels.length;
        assert.deepEqual(await collect(twilio.trunks.list({ pageSize: 1 })), []);
        const redirected = await rejection(twilio.byocTrunks.page({ pageSize: 1 }));
        assert.equal(redirected.status, 307, 'redirects are not followed');
        assert.equal(proxy.tunnels.length, tunnels, 'nothing went towards the other host');
      });
      assert.deepEqual(server.requests.map((r) => r.url), ['/v1/Trunks?PageSize=1', '/v1/Trunks?PageSize=1&Page=1&PageToken=PAx', '/v1/ByocTrunks?PageSize=1']);
    } finally {
      await server.close();
    }
  });
});

describe('proxy', () => {
  check('requests to a remote host go through the proxy, verified against the configured CA', async () => {
    const tunnels = proxy.tunnels.length;
    const standInRequests = trusted.requests;
    const [trunks, groups] = await withClients(`https://${REMOTE_HOST}`, { proxy: proxy.url, extraCaCertificates: [certs.caCert] }, async ({ twilio, carrierx }) => [
      await collect(twilio.trunks.list({ pageSize: 2 })),
      await collect(carrierx.trunkGroups.list({ pageSize: 1 })),
    ]);
    assert.equal(trunks.length, 3);
    assert.equal(groups.length, 2);
    assert.ok(proxy.tunnels.length > tunnels, 'the proxy tunnelled the requests');
    assert.ok(proxy.tunnels.slice(tunnels).every((t) => t === `${REMOTE_HOST}:443`), proxy.tunnels.join(', '));
    assert.ok(trusted.requests - standInRequests >= 4);
  });

  check('through the proxy, a certificate from an unknown CA is still refused', async () => {
    const error = await withClients(`https://${REMOTE_HOST}`, { proxy: proxy.url }, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
    assert.match(error.message, NOT_TRUSTED);
  });

  check('NO_PROXY hosts and loopback go direct', async () => {
    const tunnels = proxy.tunnels.length;
    const direct = await withClients(`https://${REMOTE_HOST}`, { proxy: proxy.url, noProxy: 'example.com, .trunkline.invalid', extraCaCertificates: [certs.caCert] }, ({ twilio }) => rejection(twilio.trunks.page({ pageSize: 1 })));
    assert.match(direct.message, /Could not resolve api\.trunkline\.invalid/, 'it tried the name itself, not the proxy');
    const local = await withClients(emulator.baseUrl, { proxy: proxy.url }, ({ twilio }) => twilio.trunks.page({ pageSize: 1 }));
    assert.equal(local.items.length, 1);
    assert.equal(proxy.tunnels.length, tunnels, 'no tunnel for either');
  });

  check('the CLI takes HTTPS_PROXY, NO_PROXY and NODE_EXTRA_CA_CERTS from the environment', async () => {
    assert.deepEqual(networkOptionsFromEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: 'x' }), { proxy: proxy.url, noProxy: 'x' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-proxy-'));
    try {
      fs.writeFileSync(path.join(dir, 'trunkline.config.json'), JSON.stringify({ accounts: { cx: { provider: 'carrierx', baseUrl: `https://${REMOTE_HOST}` } } }));
      fs.writeFileSync(path.join(dir, 'g.trunk.yaml'), 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  name: Through the proxy\n');
      fs.writeFileSync(path.join(dir, 'ca.pem'), certs.caCert);
      const env = { PATH: process.env.PATH, HOME: dir, CARRIERX_TOKEN: emulator.credentials.carrierXToken, HTTPS_PROXY: proxy.url };
      const tunnels = proxy.tunnels.length;
      const viaProxy = await runNodeScript('cli.js', ['plan', '--no-state'], { cwd: dir, env: { ...env, NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem') } });
      assert.equal(viaProxy.code, 3, `exit 3 = changes pending\n${viaProxy.stdout}${viaProxy.stderr}`);
      assert.match(viaProxy.stdout, /\+ Create trunk group "Through the proxy"/);
      assert.ok(proxy.tunnels.length > tunnels);
      // Without the CA: refused, even with verification "turned off" for the whole process.
      const untrusted = await runNodeScript('cli.js', ['plan', '--no-state'], { cwd: dir, env: { ...env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
      assert.equal(untrusted.code, 2);
      assert.match(untrusted.stdout + untrusted.stderr, /is not trusted/);
      const bypassed = await runNodeScript('cli.js', ['plan', '--no-state'], { cwd: dir, env: { ...env, NO_PROXY: REMOTE_HOST } });
      assert.match(bypassed.stdout + bypassed.stderr, /Could not resolve api\.trunkline\.invalid/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
