import { ERROR_CODES, type ErrorResponse } from '@luckystack/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { type FixtureRoutes, gate, routes } from './routes.fixture';

let harness: Harness;
const logged = vi.fn();

beforeEach(async () => {
  logged.mockClear();
  harness = await startServer({ routes, logger: { error: logged, warn: () => {} } });
});
afterEach(() => harness.close());

async function clientAs(session: Record<string, unknown> | null, path = '/') {
  const token = session ? await harness.lucky.login({ id: 'u1', ...session }) : undefined;
  return harness.connectClient<FixtureRoutes>({ token, getPath: () => path });
}

function errorOf(result: unknown): ErrorResponse {
  expect(result).toMatchObject({ status: 'error' });
  return result as ErrorResponse;
}

describe('apiRequest over a real Socket.IO connection', () => {
  it('answers with the handler result', async () => {
    const client = await clientAs(null, '/test');
    await expect(client.apiRequest({ name: 'getData', data: { n: 21 } })).resolves.toEqual({ doubled: 42 });
  });

  it('resolves relative names against the page, absolute ones from anywhere, and root-page routes', async () => {
    const client = await clientAs(null, '/games/poker?tab=1#x');
    await expect(client.apiRequest({ name: 'echo', data: { i: 7 } })).resolves.toBe(7);
    await expect(client.apiRequest({ name: '/test/getData', data: { n: 1 } })).resolves.toEqual({
      doubled: 2,
    });
    await expect(client.apiRequest({ name: '/ping' })).resolves.toBe('pong');
    const root = await clientAs(null, '/');
    await expect(root.apiRequest({ name: 'ping' })).resolves.toBe('pong');
  });

  it('answers NOT_FOUND for an unknown name and BAD_REQUEST for a hostile one, without sending it', async () => {
    const client = await clientAs(null, '/test');
    expect(errorOf(await client.apiRequest({ name: 'nope' as 'ping' })).errorCode).toBe(
      ERROR_CODES.NOT_FOUND,
    );
    expect(errorOf(await client.apiRequest({ name: '../ping' as 'ping' })).errorCode).toBe(
      ERROR_CODES.BAD_REQUEST,
    );
  });

  describe('auth patterns', () => {
    const cases: [string, Record<string, unknown> | null, string | null][] = [
      ['/settings/updateProfile', null, ERROR_CODES.UNAUTHORIZED],
      ['/admin/stats', null, ERROR_CODES.UNAUTHORIZED],
      ['/admin/stats', { admin: false }, ERROR_CODES.FORBIDDEN],
      ['/admin/stats', { admin: 'true' }, ERROR_CODES.FORBIDDEN],
      ['/admin/stats', { admin: true }, null],
      ['/admin/verified', { email: null }, ERROR_CODES.FORBIDDEN],
      ['/admin/verified', {}, ERROR_CODES.FORBIDDEN],
      ['/admin/verified', { email: '' }, null],
      ['/admin/google', { provider: 'github' }, ERROR_CODES.FORBIDDEN],
      ['/admin/google', { provider: 'google' }, null],
      ['/admin/named', { name: 42 }, ERROR_CODES.FORBIDDEN],
      ['/admin/named', { name: 'Ada' }, null],
      ['/admin/avatar', { avatar: '' }, ERROR_CODES.FORBIDDEN],
      ['/admin/avatar', { avatar: 'a.png' }, null],
      ['/admin/all', { admin: true, email: 'a@b.c', name: 7 }, ERROR_CODES.FORBIDDEN],
      ['/admin/all', { admin: true, email: 'a@b.c', name: 'Ada' }, null],
    ];
    it.each(cases)('%s as %j → %s', async (name, session, code) => {
      const client = await clientAs(session);
      const result = await client.apiRequest({ name: name as '/admin/stats' });
      if (code === null) expect(result).not.toMatchObject({ status: 'error' });
      else expect(errorOf(result).errorCode).toBe(code);
    });

    it('names the failed rule', async () => {
      const client = await clientAs({ admin: false });
      expect(errorOf(await client.apiRequest({ name: '/admin/stats' })).message).toMatch(
        /admin must equal true/,
      );
    });
  });

  it('rejects data that fails the Zod schema with the issue list', async () => {
    const client = await clientAs({}, '/settings');
    const error = errorOf(
      await client.apiRequest({ name: 'updateProfile', data: { name: '', email: 'nope' } }),
    );
    expect(error.errorCode).toBe(ERROR_CODES.INVALID_INPUT);
    expect(error.issues?.map((issue) => issue.path)).toEqual([['name'], ['email']]);
    await expect(
      client.apiRequest({ name: 'updateProfile', data: { name: 'Ada', email: 'ada@example.com' } }),
    ).resolves.toEqual({ id: 'u1', name: 'Ada' });
  });

  it('answers the built-ins session and logout', async () => {
    const client = await clientAs({ name: 'Ada' });
    await expect(client.apiRequest({ name: 'session' })).resolves.toEqual({ id: 'u1', name: 'Ada' });
    await expect(client.apiRequest({ name: 'logout' })).resolves.toEqual({ loggedOut: true });
    await expect(client.apiRequest({ name: 'session' })).resolves.toBeNull();
    await expect(client.apiRequest({ name: 'logout' })).resolves.toEqual({ loggedOut: false });
  });

  it('answers INTERNAL with a generic message when a handler throws, and logs the real error', async () => {
    const client = await clientAs(null);
    const error = errorOf(await client.apiRequest({ name: '/test/throws' }));
    expect(error).toEqual({
      status: 'error',
      errorCode: ERROR_CODES.INTERNAL,
      message: 'Internal server error',
    });
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('test/throws'), expect.any(Error));
    await expect(client.apiRequest({ name: '/ping' })).resolves.toBe('pong');
  });

  it('times a call out, per call', async () => {
    const client = await clientAs(null);
    const error = errorOf(await client.apiRequest({ name: '/test/slow', timeoutMs: 50 }));
    expect(error.errorCode).toBe(ERROR_CODES.TIMEOUT);
    gate.release();
  });

  it('rejects an aborted call with the signal reason', async () => {
    const client = await clientAs(null);
    const controller = new AbortController();
    const call = client.apiRequest({ name: '/test/slow', signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(call).rejects.toThrow('user left');
    gate.release();
  });

  it('fails calls in flight with DISCONNECTED when the connection drops, and later calls at once', async () => {
    const client = await clientAs(null);
    const call = client.apiRequest({ name: '/test/slow' });
    await vi.waitFor(() => expect(harness.lucky.io.sockets.sockets.size).toBe(1));
    harness.lucky.io.disconnectSockets(true);
    expect(errorOf(await call).errorCode).toBe(ERROR_CODES.DISCONNECTED);
    expect(errorOf(await client.apiRequest({ name: '/ping' })).errorCode).toBe(ERROR_CODES.DISCONNECTED);
    gate.release();
  });

  it('matches 1,000 concurrent calls from one client to their callers', async () => {
    harness.lucky.config.limits.maxInFlightPerSocket = 1000;
    harness.lucky.config.limits.rate = false;
    const client = await clientAs(null, '/games/poker');
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => client.apiRequest({ name: 'echo', data: { i } })),
    );
    expect(results).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('answers RATE_LIMITED past the per-socket in-flight cap, and serves again after', async () => {
    harness.lucky.config.limits.maxInFlightPerSocket = 2;
    const client = await clientAs(null);
    const held = [client.apiRequest({ name: '/test/slow' }), client.apiRequest({ name: '/test/slow' })];
    expect(errorOf(await client.apiRequest({ name: '/ping' })).errorCode).toBe(ERROR_CODES.RATE_LIMITED);
    gate.release();
    await Promise.all(held);
    await expect(client.apiRequest({ name: '/ping' })).resolves.toBe('pong');
  });

  it('pushes updateSession to every socket of the token when a handler saves the session', async () => {
    const token = await harness.lucky.login({ id: 'u1', name: 'Ada' });
    const first = await harness.connectClient<FixtureRoutes>({ token });
    const second = await harness.connectRaw({ auth: { token } });
    const pushed = new Promise((resolve) => second.once('updateSession', resolve));
    await expect(first.apiRequest({ name: '/test/rename', data: { name: 'Grace' } })).resolves.toBe('saved');
    expect(JSON.parse((await pushed) as string)).toEqual({ id: 'u1', name: 'Grace' });
  });
});
