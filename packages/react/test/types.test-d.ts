import type { LuckyClient } from '@luckystack/client';
import type { SessionLayout, SocketStatus } from '@luckystack/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useLuckyClient, useSession, useSocketStatus, useSyncEvents } from '../src';
import type { Routes } from './routes.fixture';

describe('the hooks are typed like the client', () => {
  it('returns the spec’s shapes', () => {
    expectTypeOf(useSocketStatus()).toEqualTypeOf<{ socketStatus: SocketStatus }>();
    expectTypeOf(useSession()).toEqualTypeOf<{ session: SessionLayout | null }>();
    expectTypeOf(useLuckyClient<Routes>()).toEqualTypeOf<LuckyClient<Routes>>();
  });

  it('types upsertSyncEventCallback from the route table, as the client does', () => {
    const { upsertSyncEventCallback } = useSyncEvents<Routes>();
    expectTypeOf(upsertSyncEventCallback).toEqualTypeOf<LuckyClient<Routes>['upsertSyncEventCallback']>();
    upsertSyncEventCallback('chat', (event) => {
      expectTypeOf(event.clientData).toEqualTypeOf<{ text: string }>();
      expectTypeOf(event.serverOutput).toEqualTypeOf<null>();
    });
    upsertSyncEventCallback('/room/chat', () => {});
    // @ts-expect-error no such sync
    upsertSyncEventCallback('nope', () => {});
  });
});
