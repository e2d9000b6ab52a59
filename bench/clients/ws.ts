import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { DeliveryData } from '../lib/fixtures';
import type { Connect } from './types';

interface Incoming {
  id?: number;
  clientData?: DeliveryData;
}

/** Raw `ws`: one socket, answers matched by request id (see `servers/ws.ts`). */
export const connectWs: Connect = async ({ url }) => {
  const socket = new WebSocket(url.replace(/^http/, 'ws'));
  await once(socket, 'open');
  const pending = new Map<number, () => void>();
  let nextId = 0;
  let onDelivery: ((data: DeliveryData) => void) | undefined;
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as Incoming;
    if (message.id === undefined) {
      onDelivery?.(message.clientData!);
      return;
    }
    pending.get(message.id)?.();
    pending.delete(message.id);
  });
  const send = (message: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, ...message }));
    });
  return {
    call: async (_route, data) => {
      await send({ call: 'echo', data });
      return true;
    },
    join: (room) => send({ join: room }),
    onDelivery: (listener) => {
      onDelivery = listener;
    },
    broadcast: async (room, data) => {
      await send({ broadcast: room, name: 'bench/room', data });
      return true;
    },
    close: () => socket.close(),
  };
};
