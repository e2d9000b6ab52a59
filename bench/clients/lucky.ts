import { createLuckyClient } from '@luckystack/client';
import { isErrorResponse } from '@luckystack/core';
import { type DeliveryData, PAGE } from '../lib/fixtures';
import type { BenchRoutes } from '../servers/luckyRoutes';
import { connectSocket, createSocket } from './socketIo';
import type { Connect } from './types';

/** LuckyStack's client on its own `socket.io-client` socket, on the `/bench` page. */
export const connectLucky: Connect = async ({ url, token, sync = 'room' }) => {
  const socket = createSocket(url);
  const client = createLuckyClient<BenchRoutes>({ socket, token, getPath: () => PAGE });
  await connectSocket(socket);
  return {
    call: async (route, data) => !isErrorResponse(await client.apiRequest({ name: route, data })),
    join: async (room) => {
      const joined = await client.joinRoom(room);
      if (joined !== true) throw new Error(`joinRoom failed: ${joined.message}`);
    },
    onDelivery: (listener) => {
      client.onSync(sync, (event) => listener(event.clientData as DeliveryData));
    },
    broadcast: async (room, data) =>
      !isErrorResponse(await client.syncRequest({ name: sync, data, receiver: room, ignoreSelf: true })),
    close: () => {
      client.close();
      socket.disconnect();
    },
  };
};
