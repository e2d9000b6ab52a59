import { io, type Socket } from 'socket.io-client';

/**
 * A `socket.io-client` socket of its own (no multiplexing), websocket only, not yet connected: a
 * LuckyStack client installs its handshake before the first connection.
 */
export function createSocket(url: string, token?: string): Socket {
  return io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    auth: token ? { token } : {},
  });
}

/** Connects `socket` and resolves once the server accepted it. */
export async function connectSocket(socket: Socket): Promise<Socket> {
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.connect();
  await connected;
  return socket;
}
