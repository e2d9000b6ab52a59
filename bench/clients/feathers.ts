import { feathers } from '@feathersjs/feathers';
import socketioClient from '@feathersjs/socketio-client';
import type { EchoData } from '../lib/fixtures';
import { connectSocket, createSocket } from './socketIo';
import type { Connect } from './types';

/** Feathers' client on its Socket.IO transport: `app.service('echo').create(data)`. */
export const connectFeathers: Connect = async ({ url }) => {
  const socket = await connectSocket(createSocket(url));
  const app = feathers<{ echo: { create: (data: EchoData) => Promise<EchoData> } }>();
  app.configure(socketioClient(socket));
  const echo = app.service('echo');
  return {
    call: async (_route, data) => {
      await echo.create(data);
      return true;
    },
    close: () => socket.disconnect(),
  };
};
