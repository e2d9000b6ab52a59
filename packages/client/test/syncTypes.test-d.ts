import { createLuckyClient } from '@luckystack/client';
import type { ErrorResponse, SyncConfirmation } from '@luckystack/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { SyncRoutes } from './sync.fixture';

const client = createLuckyClient<SyncRoutes>({
  url: 'http://127.0.0.1:1',
  socketOptions: { autoConnect: false },
});

describe('sync is typed from the route table', () => {
  it('types the name and the data from the schema or the handlers', () => {
    expectTypeOf(
      client.syncRequest({ name: 'chat', data: { text: 'hi' }, receiver: 'r1' }),
    ).resolves.toEqualTypeOf<SyncConfirmation | ErrorResponse>();
    client.syncRequest({ name: '/room/ping', data: { n: 1 }, receiver: 'r1' });
    // @ts-expect-error text must be a string
    client.syncRequest({ name: 'chat', data: { text: 1 }, receiver: 'r1' });
    // @ts-expect-error no such sync
    client.syncRequest({ name: 'nope', data: {}, receiver: 'r1' });
  });

  it('types what callbacks receive: _client output without status, _server output without refusals', () => {
    client.onSync('ping', (event) => {
      expectTypeOf(event.clientData).toEqualTypeOf<{ n: number }>();
      expectTypeOf(event.serverOutput).toEqualTypeOf<null>();
    });
    client.onSync('/room/chat', (event) => {
      expectTypeOf(event.clientData).toEqualTypeOf<{ text: string }>();
      expectTypeOf(event.serverOutput.status).toEqualTypeOf<'success'>();
      expectTypeOf(event.serverOutput.authorId).toEqualTypeOf<string>();
    });
    client.upsertSyncEventCallback('stream', (event) => {
      expectTypeOf(event.serverOutput).toEqualTypeOf<{ status: 'success'; i: number }>();
    });
  });
});
