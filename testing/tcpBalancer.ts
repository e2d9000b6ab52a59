import { connect, createServer, type Server, type Socket } from 'node:net';

/** A round-robin TCP load balancer on loopback, standing in for the one in front of a real cluster. */
export interface TcpBalancer {
  url: string;
  /** Which backend ports new connections may go to; a dead one is skipped at connect time anyway. */
  setBackends: (ports: number[]) => void;
  close: () => Promise<void>;
}

/**
 * Forwards each incoming connection to the next backend that accepts it. With websocket-only Socket.IO
 * clients no stickiness is needed: one connection is one session.
 */
export async function startTcpBalancer(backends: number[]): Promise<TcpBalancer> {
  let ports = [...backends];
  let next = 0;
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  };

  const forward = (client: Socket, attempt: number) => {
    if (attempt >= ports.length) {
      client.destroy();
      return;
    }
    const port = ports[next++ % ports.length]!;
    const upstream = connect(port, '127.0.0.1');
    track(upstream);
    upstream.once('error', () => {
      if (!upstream.readyState.startsWith('open')) forward(client, attempt + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.resume();
    });
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => {});
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    setBackends: (next) => {
      ports = [...next];
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
