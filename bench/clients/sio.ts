import type { DeliveryData } from '../lib/fixtures';
import { connectSocket, createSocket } from './socketIo';
import type { Connect } from './types';

interface Response {
  status: 'success' | 'error';
}

const ANSWER_PREFIX = 'apiResponse-';

/**
 * Plain Socket.IO speaking the spec's pattern by hand: `apiRequest` with a `responseIndex`, the answer on
 * `apiResponse-{responseIndex}`; fan-out through the server's `to(room).emit`.
 */
export const connectSio: Connect = async ({ url, token }) => {
  const socket = await connectSocket(createSocket(url, token));
  const pending = new Map<number, (response: Response) => void>();
  let nextIndex = 0;
  socket.onAny((event: string, response: Response) => {
    if (!event.startsWith(ANSWER_PREFIX)) return;
    const index = Number(event.slice(ANSWER_PREFIX.length));
    pending.get(index)?.(response);
    pending.delete(index);
  });
  return {
    call: (route, data) =>
      new Promise<boolean>((resolve) => {
        const responseIndex = ++nextIndex;
        pending.set(responseIndex, (response) => resolve(response.status === 'success'));
        socket.emit('apiRequest', { name: `api/bench/${route}`, data, responseIndex });
      }),
    join: async (room) => {
      await socket.emitWithAck('join', room);
    },
    onDelivery: (listener) => {
      socket.on('sync', (delivery: { clientData: DeliveryData }) => listener(delivery.clientData));
    },
    broadcast: (room, data) => socket.emitWithAck('broadcast', { room, name: 'bench/room', data }),
    close: () => socket.disconnect(),
  };
};

/** Plain Socket.IO with acknowledgements: `emitWithAck('echo', data)`. */
export const connectSioAck: Connect = async ({ url, token }) => {
  const socket = await connectSocket(createSocket(url, token));
  return {
    call: async (_route, data) => {
      await socket.emitWithAck('echo', data);
      return true;
    },
    close: () => socket.disconnect(),
  };
};
