/** Feathers on its Socket.IO transport: an `echo` service whose `create` returns its data. */
import { createServer } from 'node:http';
import { feathers } from '@feathersjs/feathers';
import socketio from '@feathersjs/socketio';
import type { EchoData } from '../lib/fixtures';
import { listenOnLoopback, serve } from '../lib/serve';

await serve(async () => {
  const app = feathers<{ echo: { create: (data: EchoData) => Promise<EchoData> } }>();
  app.configure(socketio({ transports: ['websocket'], serveClient: false }));
  app.use('echo', { create: async (data: EchoData) => data });
  const httpServer = createServer();
  await app.setup(httpServer);
  const port = await listenOnLoopback(httpServer);
  return {
    port,
    close: async () => {
      await app.teardown();
      httpServer.close();
    },
  };
});
