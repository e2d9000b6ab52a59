import type { ResponseMessage } from '@luckystack/core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { guardedRuns, hostileRoutes } from './hostile.fixture';

let harness: Harness;
const bypasses: string[] = [];
let attempts = 0;

beforeEach(async () => {
  harness = await startServer({ routes: hostileRoutes, config: { sessionExpiryDays: 1 / 86_400 } });
  guardedRuns.count = 0;
});
afterEach(() => harness.close());
afterAll(() => recordFigures('auth', { attempts, bypasses: bypasses.length }));

let next = 0;
function call(
  socket: Socket,
  name: string,
  event = 'apiRequest',
  extra: Record<string, unknown> = {},
): Promise<ResponseMessage> {
  const responseIndex = next++;
  const kind = event === 'apiRequest' ? 'api' : event === 'sync' ? 'sync' : 'room';
  return new Promise((resolve) => {
    socket.once(`${kind}Response-${responseIndex}`, resolve);
    socket.emit(event, { name, data: {}, responseIndex, ...extra });
  });
}

/** Runs an attempt that must be refused: any success, or any guarded handler run, is a bypass. */
async function refused(label: string, attempt: () => Promise<ResponseMessage>, code?: string) {
  attempts++;
  const before = guardedRuns.count;
  const answer = await attempt();
  if (answer.status === 'success' || guardedRuns.count !== before) bypasses.push(label);
  expect(answer.status, label).toBe('error');
  if (code && answer.status === 'error') expect(answer.errorCode, label).toBe(code);
  expect(guardedRuns.count, label).toBe(before);
}

describe('auth bypass attempts', () => {
  it('refuses a missing, forged or expired token', async () => {
    const none = await harness.connectRaw();
    await refused('no token', () => call(none, 'api/me/secret'), 'UNAUTHORIZED');
    const forged = await harness.connectRaw({ auth: { token: 'A'.repeat(43) } });
    await refused('forged token', () => call(forged, 'api/me/secret'), 'UNAUTHORIZED');
    const hostileToken = await harness.connectRaw({ auth: { token: { $ne: null } } });
    await refused('token object', () => call(hostileToken, 'api/me/secret'), 'UNAUTHORIZED');
    const token = await harness.lucky.login({ id: 'ada' });
    const soonExpired = await harness.connectRaw({ auth: { token } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await refused('expired token', () => call(soonExpired, 'api/me/secret'), 'UNAUTHORIZED');
    await refused('expired token, sync', () =>
      call(soonExpired, 'sync/room/guarded', 'sync', { receiver: 'all' }),
    );
  });

  it('never reads the token from the query string', async () => {
    const token = await harness.lucky.login({ id: 'ada' });
    const viaQuery = await harness.connectRaw({ query: { token } });
    await refused('token in query', () => call(viaQuery, 'api/me/secret'), 'UNAUTHORIZED');
  });

  it('refuses a logged-in user without the admin rule, whatever the data says', async () => {
    const token = await harness.lucky.login({ id: 'ada', admin: 'true' });
    const socket = await harness.connectRaw({ auth: { token } });
    await refused('admin as string', () => call(socket, 'api/admin/secret'), 'FORBIDDEN');
    attempts++;
    const polluting = await new Promise<ResponseMessage>((resolve) => {
      socket.once('apiResponse-9001', resolve);
      socket.emit('apiRequest', {
        name: 'api/admin/secret',
        data: JSON.parse('{"__proto__":{"admin":true}}'),
        responseIndex: 9001,
      });
    });
    expect(polluting.status).toBe('error');
    expect(guardedRuns.count).toBe(0);
  });

  it.each(['websocket', 'polling'] as const)(
    'refuses a foreign Origin on %s before any session exists',
    async (transport) => {
      await harness.close();
      harness = await startServer({
        routes: hostileRoutes,
        socketOptions: { transports: ['polling', 'websocket'] },
      });
      attempts++;
      const socket = io(harness.url, {
        transports: [transport],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: 'https://evil.test' },
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
      });
      socket.disconnect();
      if (outcome === 'connected') bypasses.push(`foreign origin on ${transport}`);
      expect(outcome).toMatch(/^refused/);
      const sameOrigin = io(harness.url, {
        transports: [transport],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: harness.url },
      });
      await new Promise<void>((resolve, reject) => {
        sameOrigin.once('connect', () => resolve());
        sameOrigin.once('connect_error', reject);
      });
      sameOrigin.disconnect();
    },
  );

  it('refuses joining another user’s internal room', async () => {
    const victim = await harness.lucky.login({ id: 'victim' });
    const attacker = await harness.connectRaw();
    for (const room of [`lucky:token:${victim}`, 'lucky:user:victim']) {
      await refused(`join ${room}`, () => call(attacker, '', 'joinRoom', { room }), 'BAD_REQUEST');
      await refused(`sync to ${room}`, () =>
        call(attacker, 'sync/room/chat', 'sync', { receiver: room, data: { text: 'x' } }),
      );
    }
  });

  it('refuses a kicked client that ignores forceLogout and reconnects with its old token', async () => {
    const oldToken = await harness.lucky.login({ id: 'ada' });
    const kicked = await harness.connectRaw({ auth: { token: oldToken } });
    const gone = new Promise((resolve) => kicked.once('disconnect', resolve));
    await harness.lucky.login({ id: 'ada' });
    await gone;
    const stubborn = await harness.connectRaw({ auth: { token: oldToken } });
    await refused('kicked token', () => call(stubborn, 'api/me/secret'), 'UNAUTHORIZED');
  });

  it('refuses a stale tab after logout', async () => {
    const token = await harness.lucky.login({ id: 'ada' });
    const [tab, staleTab] = [
      await harness.connectRaw({ auth: { token } }),
      await harness.connectRaw({ auth: { token } }),
    ];
    staleTab.on('forceLogout', () => {
      // A stale client that ignores the event keeps its socket as long as the server lets it.
    });
    expect(await call(tab, 'logout')).toEqual({ status: 'success', result: { loggedOut: true } });
    await refused('same tab after logout', () => call(tab, 'api/me/secret'), 'UNAUTHORIZED');
    const reconnected = await harness.connectRaw({ auth: { token } });
    await refused('stale tab after logout', () => call(reconnected, 'api/me/secret'), 'UNAUTHORIZED');
    expect(bypasses).toEqual([]);
  });
});
