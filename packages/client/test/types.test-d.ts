import { createLuckyClient } from '@luckystack/client';
import type { ErrorResponse } from '@luckystack/core';
import { defineRoutes } from '@luckystack/server';
import { describe, expectTypeOf, it } from 'vitest';
import * as playCard from '../../server/test/fixtures/src/games/poker/_api/playCard';
import * as updateProfile from '../../server/test/fixtures/src/settings/_api/updateProfile';
import type { FixtureRoutes } from './routes.fixture';

const client = createLuckyClient<FixtureRoutes>({
  url: 'http://127.0.0.1:1',
  socketOptions: { autoConnect: false },
});

describe('apiRequest is typed end to end from the route table', () => {
  it('types the result from main, or an error answer', () => {
    expectTypeOf(client.apiRequest({ name: '/test/getData', data: { n: 1 } })).resolves.toEqualTypeOf<
      { doubled: number } | ErrorResponse
    >();
    expectTypeOf(client.apiRequest({ name: '/ping' })).resolves.toEqualTypeOf<'pong' | ErrorResponse>();
  });

  it('types data from the Zod schema input', () => {
    client.apiRequest({ name: '/settings/updateProfile', data: { name: 'Ada', email: 'a@b.c' } });
    // @ts-expect-error email is required by the schema
    client.apiRequest({ name: '/settings/updateProfile', data: { name: 'Ada' } });
    // @ts-expect-error n is a number
    client.apiRequest({ name: '/test/getData', data: { n: '1' } });
  });

  it('refuses a name that no route has', () => {
    // @ts-expect-error no such route
    client.apiRequest({ name: '/test/nope' });
    // @ts-expect-error no such relative name either
    client.apiRequest({ name: 'nope' });
  });

  it('accepts relative names, typed from every route they may reach', () => {
    expectTypeOf(
      client.apiRequest({ name: 'updateProfile', data: { name: 'A', email: 'a@b.c' } }),
    ).resolves.toEqualTypeOf<{ id: string; name: string } | ErrorResponse>();
    expectTypeOf(client.apiRequest({ name: 'poker/echo', data: { i: 1 } })).resolves.toEqualTypeOf<
      number | ErrorResponse
    >();
  });

  it('types the built-ins', () => {
    expectTypeOf(client.apiRequest({ name: 'logout' })).resolves.toEqualTypeOf<
      { loggedOut: boolean } | ErrorResponse
    >();
    expectTypeOf(client.apiRequest({ name: 'session' })).resolves.not.toBeAny();
  });

  it('types routes from file modules as the generated manifest builds them', () => {
    const routes = defineRoutes({
      api: { 'games/poker/playCard': playCard, 'settings/updateProfile': updateProfile },
    });
    const typed = createLuckyClient<typeof routes>({
      url: 'http://127.0.0.1:1',
      socketOptions: { autoConnect: false },
    });
    expectTypeOf(
      typed.apiRequest({ name: '/games/poker/playCard', data: { card: 'ace' } }),
    ).resolves.toEqualTypeOf<string | ErrorResponse>();
    expectTypeOf(typed.apiRequest({ name: 'updateProfile', data: { name: 'Ada' } })).resolves.toEqualTypeOf<
      { id: string; name: string } | ErrorResponse
    >();
    // @ts-expect-error card must be a string
    typed.apiRequest({ name: '/games/poker/playCard', data: { card: 1 } });
  });

  it('leaves an untyped client loose', () => {
    const loose = createLuckyClient({ url: 'http://127.0.0.1:1', socketOptions: { autoConnect: false } });
    expectTypeOf(loose.apiRequest({ name: 'anything', data: { x: 1 } })).resolves.toEqualTypeOf<unknown>();
  });
});
