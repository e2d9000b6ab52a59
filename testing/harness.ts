import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLuckyClient, type LuckyClient, type LuckyClientOptions } from '@luckystack/client';
import type { RegisteredRoutes, RouteTableShape } from '@luckystack/core';
import { type CreateLuckyServerOptions, createLuckyServer, type LuckyServer } from '@luckystack/server';
import {
  type Socket as ClientSocket,
  io as connect,
  type ManagerOptions,
  type SocketOptions,
} from 'socket.io-client';

type ServerOptions = Omit<CreateLuckyServerOptions, 'io' | 'httpServer'>;

/** A real LuckyStack server on a loopback port, and the clients a test connects to it. */
export interface Harness {
  lucky: LuckyServer;
  url: string;
  /** A plain socket.io-client, for speaking the wire protocol by hand. */
  connectRaw: (options?: Partial<ManagerOptions & SocketOptions>) => Promise<ClientSocket>;
  /** A LuckyStack client, connected. */
  connectClient: <T extends RouteTableShape = RegisteredRoutes>(
    options?: Omit<LuckyClientOptions, 'url' | 'socket'>,
  ) => Promise<LuckyClient<T>>;
  /** Closes every client and the server. */
  close: () => Promise<void>;
}

function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Starts a server with `options` on 127.0.0.1 and an ephemeral port. */
export async function startServer(options: ServerOptions): Promise<Harness> {
  const httpServer = createServer();
  const lucky = createLuckyServer({
    ...options,
    httpServer,
    socketOptions: { transports: ['websocket'], ...options.socketOptions },
    logger: options.logger ?? { error: () => {}, warn: () => {} },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets = new Set<ClientSocket>();
  const clients = new Set<LuckyClient<RouteTableShape>>();
  const base = { transports: ['websocket'], forceNew: true, reconnection: false };
  return {
    lucky,
    url,
    connectRaw: async (socketOptions) => {
      const socket = connect(url, { ...base, ...socketOptions });
      sockets.add(socket);
      return connected(socket);
    },
    connectClient: async (clientOptions) => {
      const client = createLuckyClient({
        url,
        ...clientOptions,
        socketOptions: { ...base, ...clientOptions?.socketOptions },
      });
      clients.add(client as LuckyClient<RouteTableShape>);
      await connected(client.socket);
      return client as never;
    },
    close: async () => {
      for (const client of clients) client.close();
      for (const socket of sockets) socket.disconnect();
      await lucky.close();
      await new Promise<void>((resolve) => lucky.io.close(() => resolve()));
    },
  };
}
