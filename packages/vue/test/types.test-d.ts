import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import type { SessionLayout, SocketStatus } from '@luckystack/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Plugin, ShallowRef } from 'vue';
import { luckyStack, useLuckyClient, useSession, useSocketStatus, useSyncEvents } from '../src';
import type { Routes } from './routes.fixture';

describe('the composables are typed', () => {
  it('returns read-only refs of the client stores', () => {
    expectTypeOf(useSocketStatus().socketStatus).toEqualTypeOf<Readonly<ShallowRef<SocketStatus>>>();
    expectTypeOf(useSession().session).toEqualTypeOf<Readonly<ShallowRef<SessionLayout | null>>>();
  });

  it('takes a typed client and hands it back typed', () => {
    const client = createLuckyClient<Routes>({
      url: 'http://127.0.0.1:1',
      socketOptions: { autoConnect: false },
    });
    expectTypeOf(luckyStack(client)).toEqualTypeOf<Plugin>();
    expectTypeOf(useLuckyClient<Routes>()).toEqualTypeOf<LuckyClient<Routes>>();
  });

  it('types sync names and callbacks from the route table', () => {
    const { upsertSyncEventCallback } = useSyncEvents<Routes>();
    const stop = upsertSyncEventCallback('chat', (event) => {
      expectTypeOf(event.clientData).toEqualTypeOf<{ text: string }>();
      expectTypeOf(event.serverOutput).toEqualTypeOf<null>();
    });
    expectTypeOf(stop).toEqualTypeOf<() => void>();
    upsertSyncEventCallback('/room/chat', () => {});
    // @ts-expect-error no such sync
    upsertSyncEventCallback('nope', () => {});
  });
});
