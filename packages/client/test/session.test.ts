import { ERROR_CODES, type ForceLogoutMessage, type SessionLayout } from '@luckystack/core';
import type { SessionStore } from '@luckystack/server';
import { RedisSessionStore } from '@luckystack/server/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../testing/redis';
import { type SessionRoutes, sessionRoutes } from './session.fixture';

let harness: Harness;
let makeStore: () => SessionStore | undefined = () => undefined;
afterEach(() => harness.close());

async function start(config: Parameters<typeof startServer>[0]['config'] = {}) {
  harness = await startServer({ routes: sessionRoutes, config, sessions: makeStore() });
}

/** A client that keeps the token the server hands it, as an app would in localStorage. */
async function tab(token?: string) {
  const saved = { token: token as string | null | undefined };
  const client = await harness.connectClient<SessionRoutes>({
    token: () => saved.token,
    onToken: (next) => {
      saved.token = next;
    },
  });
  return Object.assign(client, { saved });
}

async function loggedIn(name: string) {
  const client = await tab();
  expect(await client.apiRequest({ name: '/auth/login', data: { name } })).toEqual({ welcome: name });
  await vi.waitFor(() => expect(client.saved.token).toEqual(expect.any(String)));
  return client;
}

function sessionSuite() {
  it('logs in from a handler: the socket gets its token and session, and later calls see it', async () => {
    await start();
    const client = await loggedIn('ada');
    expect(client.saved.token).toMatch(/^[\w-]{43}$/);
    await vi.waitFor(() =>
      expect(client.session.getSnapshot()).toEqual({ id: 'ada', name: 'ada', visits: 0 }),
    );
    await expect(client.apiRequest({ name: 'session' })).resolves.toEqual({
      id: 'ada',
      name: 'ada',
      visits: 0,
    });
    expect(JSON.stringify(await client.apiRequest({ name: 'session' }))).not.toContain(client.saved.token!);
  });

  it('sends the session on connect, so a returning tab knows its user at once', async () => {
    await start();
    const first = await loggedIn('ada');
    const second = await tab(first.saved.token!);
    await vi.waitFor(() => expect(second.session.getSnapshot()).toMatchObject({ id: 'ada' }));
  });

  it('pushes updateSession to every socket of the token on save, keeping it for later calls', async () => {
    await start();
    const first = await loggedIn('ada');
    const second = await tab(first.saved.token!);
    const seen: (SessionLayout | null)[] = [];
    second.onSessionUpdate((session) => seen.push(session));
    await expect(first.apiRequest({ name: '/me/rename', data: { name: 'Countess' } })).resolves.toBe('saved');
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ name: 'Countess' }));
    expect(first.session.getSnapshot()).toMatchObject({ name: 'Countess' });
    await expect(second.apiRequest({ name: 'session' })).resolves.toMatchObject({ name: 'Countess' });
  });

  it('kicks the first session when the same user logs in again, and refuses its old token', async () => {
    await start();
    const first = await loggedIn('ada');
    const oldToken = first.saved.token!;
    const kicked = new Promise<ForceLogoutMessage>((resolve) => first.onForceLogout(resolve));
    const disconnected = new Promise((resolve) => first.socket.once('disconnect', resolve));
    await loggedIn('ada');
    expect(await kicked).toEqual({ reason: 'session-replaced' });
    await disconnected;
    expect(first.saved.token).toBeNull();
    expect(first.session.getSnapshot()).toBeNull();
    const stale = await tab(oldToken);
    const refused = await stale.apiRequest({ name: '/me/whoami' });
    expect(refused).toMatchObject({ status: 'error', errorCode: ERROR_CODES.UNAUTHORIZED });
    expect(await harness.lucky.sessions.get(oldToken)).toBeNull();
  });

  it('keeps both sessions with allowMultipleSessions', async () => {
    await start({ allowMultipleSessions: true });
    const first = await loggedIn('ada');
    const second = await loggedIn('ada');
    await expect(first.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
    await expect(second.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
    expect((await harness.lucky.sessions.tokensOf('ada')).length).toBe(2);
  });

  it('logs out only the caller’s session: other tabs of it are told, other sessions stay', async () => {
    await start({ allowMultipleSessions: true });
    const first = await loggedIn('ada');
    const sameSession = await tab(first.saved.token!);
    const otherSession = await loggedIn('ada');
    const told = new Promise<ForceLogoutMessage>((resolve) => sameSession.onForceLogout(resolve));
    await expect(first.apiRequest({ name: 'logout' })).resolves.toEqual({ loggedOut: true });
    expect(await told).toEqual({ reason: 'logout' });
    await vi.waitFor(() => expect(first.session.getSnapshot()).toBeNull());
    expect(first.saved.token).toBeNull();
    expect(first.socket.connected).toBe(true);
    await expect(otherSession.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
  });

  it('refuses an expired session at once', async () => {
    await start({ sessionExpiryDays: 1 / 86_400 });
    const client = await loggedIn('ada');
    await expect(client.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await client.apiRequest({ name: '/me/whoami' })).toMatchObject({
      errorCode: ERROR_CODES.UNAUTHORIZED,
    });
  });

  it('loses no update when 50 read-modify-write saves race', async () => {
    await start();
    const client = await loggedIn('ada');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => client.apiRequest({ name: '/me/visit' })),
    );
    expect(new Set(results).size).toBe(50);
    await expect(client.apiRequest({ name: 'session' })).resolves.toMatchObject({ visits: 50 });
  });

  it('never resurrects a session that a save races with a logout', async () => {
    await start({ allowMultipleSessions: true });
    for (let round = 0; round < 10; round++) {
      const client = await loggedIn(`racer${round}`);
      const token = client.saved.token!;
      await Promise.all([client.apiRequest({ name: '/me/visit' }), client.apiRequest({ name: 'logout' })]);
      expect(await harness.lucky.sessions.get(token)).toBeNull();
    }
  });

  it('reads the token from a configured cookie, and never from the query string', async () => {
    await start({ sessionCookie: 'lucky_session' });
    const token = await harness.lucky.login({ id: 'ada' });
    const viaQuery = await harness.connectClient<SessionRoutes>({ socketOptions: { query: { token } } });
    expect(await viaQuery.apiRequest({ name: 'session' })).toBeNull();
    const viaCookie = await harness.connectClient<SessionRoutes>({
      socketOptions: { extraHeaders: { cookie: `other=1; lucky_session=${encodeURIComponent(token)}` } },
    });
    await expect(viaCookie.apiRequest({ name: '/me/whoami' })).resolves.toBe('ada');
  });
}

describe('sessions over the wire, in memory', sessionSuite);

describeWithRedis('sessions over the wire, in Redis', () => {
  const prefix = uniquePrefix();
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl());
    let stores = 0;
    makeStore = () => new RedisSessionStore({ redis, projectName: `${prefix}-${++stores}` });
  });
  afterAll(async () => {
    makeStore = () => undefined;
    await deleteKeys(redis, prefix);
    await redis.quit();
  });
  sessionSuite();
});
