import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { WebSocket } from 'ws';
import type { BenchTrpcRouter } from '../servers/trpc';
import type { Connect } from './types';

/** tRPC's client on its WebSocket link (one `createWSClient` connection each), `ws` as the WebSocket. */
export const connectTrpc: Connect = async ({ url, token }) => {
  let onOpen: () => void = () => {};
  let onError: () => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    onOpen = resolve;
    onError = () => reject(new Error('tRPC WebSocket failed to open'));
  });
  const wsClient = createWSClient({
    url: url.replace(/^http/, 'ws'),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: token ? { token } : null,
    onOpen: () => onOpen(),
    onError: () => onError(),
  });
  const client = createTRPCClient<BenchTrpcRouter>({ links: [wsLink({ client: wsClient })] });
  await opened;
  return {
    call: async (route, data) => {
      await (route === 'secure' ? client.secure.mutate(data) : client.echo.mutate(data));
      return true;
    },
    close: () => wsClient.close(),
  };
};
