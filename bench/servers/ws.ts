/**
 * Raw `ws` with a request id: the physical limit. RPC is `{ id, call, data }` → `{ id, result }`; fan-out
 * is `{ id, join }` and `{ id, broadcast, name, data }`, the delivery serialised once and sent to every
 * other member of the room.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { serve } from '../lib/serve';

interface Message {
  id: number;
  call?: string;
  join?: string;
  broadcast?: string;
  name?: string;
  data?: unknown;
}

await serve(async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (socket) => {
    const joined = new Set<string>();
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as Message;
      if (message.call !== undefined) {
        socket.send(JSON.stringify({ id: message.id, result: message.data }));
      } else if (message.join !== undefined) {
        const members = rooms.get(message.join) ?? new Set();
        members.add(socket);
        rooms.set(message.join, members);
        joined.add(message.join);
        socket.send(JSON.stringify({ id: message.id }));
      } else if (message.broadcast !== undefined) {
        const frame = JSON.stringify({ name: message.name, clientData: message.data, serverOutput: {} });
        for (const member of rooms.get(message.broadcast) ?? []) if (member !== socket) member.send(frame);
        socket.send(JSON.stringify({ id: message.id }));
      }
    });
    socket.on('close', () => {
      for (const room of joined) rooms.get(room)?.delete(socket);
    });
  });
  return {
    port: (wss.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
});
