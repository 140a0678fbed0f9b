import type * as Tls from 'node:tls';
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import { loadUndici } from './load-undici';
import { insecureUrlReason, isLoopbackHost } from './loopback';
import { PreconnectedSockets } from './preconnected-sockets';

export interface NetworkOptions {
  /** Proxy URL (`http.proxy` setting, or HTTPS_PROXY / HTTP_PROXY from the environment). */
  proxy?: string | undefined;
  /** Comma- or space-separated hosts that bypass the proxy (NO_PROXY syntax). Loopback always does. */
  noProxy?: string | undefined;
  /** PEM certificates trusted in addition to the system roots (corporate CAs). */
  extraCaCertificates?: readonly string[] | undefined;
  connectTimeoutMs?: number | undefined;
  /** Time to wait for the response headers, and between body chunks. */
  responseTimeoutMs?: number | undefined;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;

/** Proxy settings as the providers' own tools read them from the environment. */
export function networkOptionsFromEnv(env: NodeJS.ProcessEnv): NetworkOptions {
  return {
    proxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy,
  };
}

/**
 * One undici dispatcher per route (direct or through the proxy), shared by every account so
 * connections are pooled. TLS verification is always on: there is deliberately no option to
 * turn it off; a corporate CA is added with `extraCaCertificates` instead.
 */
export class DispatcherPool {
  private direct: Agent | undefined;
  private proxied: ProxyAgent | undefined;
  /** Direct connections opened ahead of the first request (`preconnect`), taken by `direct`'s connector. */
  private preconnected: PreconnectedSockets | undefined;
  /** After close(): a warm-up that comes late opens nothing. */
  private closed = false;
  private readonly noProxy: NoProxyRule[];

  constructor(private readonly options: NetworkOptions = {}) {
    this.noProxy = parseNoProxy(options.noProxy ?? '');
  }

  dispatcherFor(url: URL): Dispatcher {
    if (this.options.proxy && !this.bypassesProxy(url)) {
      this.proxied ??= new (loadUndici().ProxyAgent)({
        uri: this.options.proxy,
        requestTls: { ca: this.ca(), rejectUnauthorized: true },
        proxyTls: { ca: this.ca(), rejectUnauthorized: true },
        headersTimeout: this.responseTimeout(),
        bodyTimeout: this.responseTimeout(),
        connect: { timeout: this.connectTimeout() },
      } as ProxyAgent.Options);
      return this.proxied;
    }
    if (!this.direct) {
      const undici = loadUndici();
      // One connector (TLS options, session cache) for the connections undici opens and those opened ahead of time.
      this.preconnected = new PreconnectedSockets(undici.buildConnector({ timeout: this.connectTimeout(), ca: this.ca(), rejectUnauthorized: true }));
      this.direct = new undici.Agent({
        connect: this.preconnected.connect,
        headersTimeout: this.responseTimeout(),
        bodyTimeout: this.responseTimeout(),
      });
    }
    return this.direct;
  }

  /**
   * Opens `count` connections to the origin of `url` (TCP and TLS handshakes) for requests about
   * to come, without sending anything: the first requests find them open. Through a proxy it
   * does nothing (the request opens the tunnel). Unused ones close after a while (see
   * PreconnectedSockets) and never keep the process alive.
   */
  preconnect(url: URL, count = 1): void {
    if (this.closed || insecureUrlReason(url) || (this.options.proxy && !this.bypassesProxy(url))) return;
    this.dispatcherFor(url);
    this.preconnected?.preconnect(url, count);
  }

  bypassesProxy(url: URL): boolean {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (isLoopbackHost(host)) return true;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.noProxy.some((rule) => rule.matches(host, port));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.preconnected?.close();
    this.preconnected = undefined;
    await Promise.all([this.direct?.close(), this.proxied?.close()]);
    this.direct = undefined;
    this.proxied = undefined;
  }

  private ca(): string[] | undefined {
    const extra = this.options.extraCaCertificates;
    // Passing `ca` replaces Node's roots, so the system roots go in first.
    if (!extra || extra.length === 0) return undefined;
    // node:tls (with node:net) is loaded here, with the first client, not at activation (several ms in a fresh process).
    const tls = require('node:tls') as typeof Tls;
    return [...tls.rootCertificates, ...extra];
  }

  private connectTimeout(): number {
    return this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  }

  private responseTimeout(): number {
    return this.options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  }
}

interface NoProxyRule {
  matches(host: string, port: string): boolean;
}

/** NO_PROXY as curl reads it: `*`, `host`, `.suffix`, `*.suffix`, each optionally with `:port`. */
export function parseNoProxy(value: string): NoProxyRule[] {
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0)
    .map((entry): NoProxyRule => {
      if (entry === '*') return { matches: () => true };
      const portMatch = /^(.*):(\d+)$/.exec(entry);
      const hostPart = (portMatch ? portMatch[1]! : entry).replace(/^\*?\./, '');
      const wantPort = portMatch?.[2];
      return {
        matches: (host, port) =>
          (wantPort === undefined || wantPort === port) && (host === hostPart || host.endsWith(`.${hostPart}`)),
      };
    });
}
