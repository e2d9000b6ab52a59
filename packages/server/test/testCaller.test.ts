import { defineApi, defineRoutes } from '@luckystack/server';
import { createTestCaller } from '@luckystack/server/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const routes = defineRoutes({
  api: {
    'settings/rename': defineApi({
      auth: { login: true },
      schema: z.object({ name: z.string().min(1) }),
      main: async ({ data, user, functions }) => {
        await functions.saveSession({ ...user, name: data.name });
        return { renamed: data.name, by: user.id, db: (functions as { db?: string }).db };
      },
    }),
    'auth/login': defineApi({
      auth: { login: false },
      main: async ({
        data,
        functions,
      }: {
        data: { id: string };
        functions: { login: (s: { id: string }) => Promise<string> };
      }) => {
        await functions.login({ id: data.id });
        return 'in';
      },
    }),
  },
});

describe('createTestCaller', () => {
  const caller = createTestCaller({ routes, context: { db: 'fake-db' } });

  it('runs the handler with the given session, data and context', async () => {
    const answer = await caller.call('/settings/rename', { name: 'Ada' }, { session: { id: 'u1' } });
    expect(answer).toEqual({ status: 'success', result: { renamed: 'Ada', by: 'u1', db: 'fake-db' } });
    expect(caller.session).toEqual({ id: 'u1', name: 'Ada' });
  });

  it('applies auth and the schema as the server does', async () => {
    expect(await caller.call('settings/rename', { name: 'Ada' })).toMatchObject({
      errorCode: 'UNAUTHORIZED',
    });
    expect(await caller.call('settings/rename', { name: '' }, { session: { id: 'u1' } })).toMatchObject({
      errorCode: 'INVALID_INPUT',
      issues: [{ path: ['name'] }],
    });
    expect(await caller.call('nope' as 'session')).toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('serves the built-ins and session helpers', async () => {
    expect(await caller.call('session', undefined, { session: { id: 'u2' } })).toEqual({
      status: 'success',
      result: { id: 'u2' },
    });
    await caller.call('/auth/login', { id: 'u3' });
    expect(caller.session).toEqual({ id: 'u3' });
    expect(await caller.call('logout', undefined, { session: { id: 'u3' } })).toEqual({
      status: 'success',
      result: { loggedOut: true },
    });
    expect(caller.session).toBeNull();
  });
});
