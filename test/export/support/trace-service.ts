import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake trace service does with one request. */
export type Behaviour =
  | { status: number; headers?: Record<string, string>; body?: string }
  | 'hang'
  | 'reset';

/** One request the service received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * A real HTTP trace service on 127.0.0.1 (random port) whose answers a test scripts:
 * `behave(n)` decides the answer to the n-th request (0-based); the default is 200.
 */
export class TraceService {
  readonly received: Received[] = [];
  behave: (index: number, request: Received) => Behaviour = () => ({ status: 200 });
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  /** Requests whose connection closed while the service was hanging on them. */
  abortedHangs = 0;

  private constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts a service and resolves once it listens. */
  static async start(): Promise<TraceService> {
    const service = new TraceService();
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers the listed behaviours in order, then 200. */
  script(...behaviours: Behaviour[]): void {
    this.behave = (index) => behaviours[index] ?? { status: 200 };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test will notice.
      }
      const received: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      const index = this.received.length;
      this.received.push(received);
      const behaviour = this.behave(index, received);
      if (behaviour === 'hang') {
        this.hanging.add(res);
        res.on('close', () => {
          if (this.hanging.delete(res)) this.abortedHangs++;
        });
        return;
      }
      if (behaviour === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
      res.end(behaviour.body ?? '{}');
    });
  }

  /** Closes the server and every connection (hanging ones included). */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A URL on 127.0.0.1 where nothing listens (connections are refused). */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
