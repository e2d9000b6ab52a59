import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLuckyServer, type LuckyServer } from '@luckystack/server';
import { redisScaleOut } from '@luckystack/server/redis';
import { routes } from '../src/routes.gen';
import { serveStatic } from './serveStatic';

/** Options of {@link createDemoServer}. */
export interface DemoServerOptions {
  /** Vite's build output, served as the front end. */
  distDir: string;
  /** A Redis URL: sessions live there and several processes can share the rooms. @defaultValue in memory */
  redisUrl?: string | undefined;
}

/** The demo's one process: the built front end and the LuckyStack socket server on one HTTP server. */
export interface DemoServer {
  httpServer: HttpServer;
  lucky: LuckyServer;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen: (port: number, host: string) => Promise<number>;
  /** Disconnects every socket, stops the HTTP server and releases the session store. */
  close: () => Promise<void>;
}

/** Builds the demo server: static files first, Socket.IO (`/socket.io/`) on the same port. */
export function createDemoServer({ distDir, redisUrl }: DemoServerOptions): DemoServer {
  const httpServer = createServer(serveStatic(distDir));
  const lucky = createLuckyServer({
    httpServer,
    routes,
    config: { socketActivityBroadcaster: true },
    // One TCP connection per client: with several processes behind a balancer, no sticky sessions needed.
    socketOptions: { transports: ['websocket'] },
    ...(redisUrl && { scaleOut: redisScaleOut({ redis: redisUrl, projectName: 'luckystack-demo' }) }),
  });
  return {
    httpServer,
    lucky,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      // Sockets first (their last events still find the session store), then the store.
      await lucky.io.close();
      await lucky.close();
    },
  };
}
