import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import type { AppRoutes } from '../routes.gen';
import { readToken, saveToken } from './storage';

/** The demo's client type: typed by the generated route table. */
export type DemoClient = LuckyClient<AppRoutes>;

/**
 * Connects this tab to the server it was served from. Every front end (React, Vue, Svelte) makes its own,
 * sharing the stored token, so each is a tab of the same signed-in user.
 */
export function createDemoClient(): DemoClient {
  const client = createLuckyClient<AppRoutes>({
    url: location.origin,
    token: readToken,
    onToken: saveToken,
    // Hiding the tab tells the server it is a tab switch (20 s grace), then disconnects until shown again.
    activity: true,
    getPath: () => location.pathname,
    socketOptions: { transports: ['websocket'], reconnectionDelayMax: 2_000 },
  });
  // The server disconnects a kicked tab; reconnect without a session so it can sign in again.
  client.socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') client.socket.connect();
  });
  return client;
}
