import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';

/**
 * How long a connection opened ahead of time waits for its first request before it is closed:
 * long enough for a user to look at the accounts and expand one, short enough that servers
 * (which drop idle keep-alive connections after a minute or so) have not closed it.
 */
export const PRECONNECT_IDLE_MS = 15_000;

/** A connection opened ahead of time; `socket` is set once it is connected (TLS handshake included). */
interface Pending {
  readonly connected: Promise<Socket | undefined>;
  socket: Socket | undefined;
  timer: NodeJS.Timeout | undefined;
  /** A request has it (or will, once connected). */
  taken: boolean;
  readonly onClose: () => void;
}

/**
 * Connections opened before the first request needs them (the TCP and TLS handshakes done in
 * an idle moment), handed to undici by the connector it is built with: a request to an origin
 * with one waiting takes it instead of connecting. Nothing is sent on a connection until undici
 * sends a request on it. An unused connection is closed after PRECONNECT_IDLE_MS, or when the
 * server or `close()` closes it; none keeps the process alive.
 */
export class PreconnectedSockets {
  private readonly waiting = new Map<string, Pending[]>();
  private closed = false;

  constructor(
    private readonly connector: buildConnector.connector,
    private readonly idleMs = PRECONNECT_IDLE_MS,
  ) {}

  /** Opens connections to the origin of `url` until `count` are open or on their way. */
  preconnect(url: URL, count: number): void {
    if (this.closed) return;
    const key = originKey(url.protocol, url.host);
    const list = this.waiting.get(key) ?? [];
    this.waiting.set(key, list);
    while (list.filter((p) => !p.taken).length < count) list.push(this.open(url, key));
  }

  /** The connector undici uses: a waiting connection to the origin if there is one, else a new one. */
  readonly connect: buildConnector.connector = (options, callback) => {
    const list = options.httpSocket ? undefined : this.waiting.get(originKey(options.protocol, options.host ?? options.hostname));
    const pending = list?.find((p) => !p.taken);
    if (!pending) return this.connector(options, callback);
    pending.taken = true;
    void pending.connected.then((socket) => {
      this.remove(pending);
      if (socket && !socket.destroyed && socket.readyState === 'open') {
        if (pending.timer) clearTimeout(pending.timer);
        socket.removeListener('error', ignore);
        socket.removeListener('close', pending.onClose);
        // undici counts on a referenced socket: it unreferences it itself when idle.
        socket.ref();
        callback(null, socket);
      } else {
        // It failed or was closed meanwhile: connect as if it had never been opened.
        this.connector(options, callback);
      }
    });
  };

  /** Closes the connections nobody took, and opens no more. */
  close(): void {
    this.closed = true;
    for (const list of this.waiting.values()) for (const p of list) if (!p.taken) p.socket?.destroy();
    this.waiting.clear();
  }

  /** How many connections are open or opening and not taken yet (for tests). */
  get size(): number {
    let n = 0;
    for (const list of this.waiting.values()) n += list.filter((p) => !p.taken).length;
    return n;
  }

  private open(url: URL, key: string): Pending {
    const pending: Pending = {
      socket: undefined,
      timer: undefined,
      taken: false,
      onClose: () => this.remove(pending),
      connected: new Promise<Socket | undefined>((resolve) => {
        const hostname = url.hostname.replace(/^\[|\]$/g, '');
        this.connector({ hostname, host: url.host, protocol: url.protocol, port: url.port }, (error, socket) => {
          if (error || !socket) {
            // A connection that cannot be opened now is opened (and its error reported) by the request that needs it.
            this.remove(pending);
            return resolve(undefined);
          }
          socket.on('error', ignore);
          socket.once('close', pending.onClose);
          if (this.closed || !this.waiting.get(key)?.includes(pending)) {
            socket.destroy();
            return resolve(undefined);
          }
          pending.socket = socket;
          socket.unref();
          pending.timer = setTimeout(() => {
            if (pending.taken) return;
            this.remove(pending);
            socket.destroy();
          }, this.idleMs);
          pending.timer.unref();
          resolve(socket);
        });
      }),
    };
    return pending;
  }

  private remove(pending: Pending): void {
    for (const [key, list] of this.waiting) {
      const at = list.indexOf(pending);
      if (at < 0) continue;
      list.splice(at, 1);
      if (list.length === 0) this.waiting.delete(key);
    }
  }
}

function originKey(protocol: string, host: string): string {
  return `${protocol}//${host}`.toLowerCase();
}

function ignore(): void {}
