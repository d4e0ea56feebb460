/** A tiny JSON HTTP server for simulators: bounded bodies, free ports, and a stop that ends every connection. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Government requests are small; anything larger is refused. */
const SIMULATOR_REQUEST_BYTES_MAX = 16 * 1024;

export interface SimulatorRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: unknown;
}

export interface SimulatorResponse {
  readonly status: number;
  /** A string is sent as is (to simulate garbage); anything else as JSON. */
  readonly body?: unknown;
}

export interface RunningSimulator {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** `'hang'` keeps the connection open without answering, to simulate a timeout. */
export type SimulatorHandler = (request: SimulatorRequest) => Promise<SimulatorResponse | 'hang'>;

/**
 * Replies held far beyond any client's timeout, to simulate a government service that stops answering; each ends as
 * a 504 after `holdMilliseconds`, or at once when `release` runs as the simulator stops.
 */
export function heldOpenReplies(holdMilliseconds: number): { readonly reply: () => Promise<SimulatorResponse>; readonly release: () => void } {
  const timers = new Set<NodeJS.Timeout>();
  return {
    reply: () =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve({ status: 504, body: { error: 'gateway timeout' } });
        }, holdMilliseconds);
        timers.add(timer);
      }),
    release: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > SIMULATOR_REQUEST_BYTES_MAX) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function startHttpSimulator(port: number, handle: SimulatorHandler, onStop: () => void = () => undefined): Promise<RunningSimulator> {
  const server = http.createServer((request, response) => {
    void (async () => {
      let result: SimulatorResponse | 'hang';
      try {
        result = await handle({ method: request.method ?? 'GET', url: new URL(request.url ?? '/', 'http://simulator'), body: await readBody(request) });
      } catch {
        result = { status: 400, body: { error: 'bad request' } };
      }
      if (result === 'hang') return;
      const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body ?? {});
      response.writeHead(result.status, { 'content-type': typeof result.body === 'string' ? 'text/plain' : 'application/json' });
      response.end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    async stop() {
      onStop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
