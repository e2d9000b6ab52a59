import type { LuckyClient } from '@luckystack/client';
import type { SessionLayout, SocketStatus } from '@luckystack/core';
import type { Readable } from 'svelte/store';
import { describe, expectTypeOf, it } from 'vitest';
import { useLuckyClient, useReadable, useSession, useSocketStatus, useSyncEvents } from '../src/index';
import type { Routes } from './routes.fixture';

describe('types', () => {
  it('returns Svelte readable stores of the client state', () => {
    expectTypeOf(useSocketStatus().socketStatus).toEqualTypeOf<Readable<SocketStatus>>();
    expectTypeOf(useSession().session).toEqualTypeOf<Readable<SessionLayout | null>>();
    expectTypeOf(useReadable(useLuckyClient().status)).toEqualTypeOf<Readable<SocketStatus>>();
    expectTypeOf(useLuckyClient<Routes>()).toEqualTypeOf<LuckyClient<Routes>>();
  });

  it('types sync names and events from the route table, as the client does', () => {
    const { upsertSyncEventCallback } = useSyncEvents<Routes>();
    expectTypeOf(upsertSyncEventCallback).toEqualTypeOf<LuckyClient<Routes>['upsertSyncEventCallback']>();
    upsertSyncEventCallback('chat', (event) => {
      expectTypeOf(event.clientData).toEqualTypeOf<{ text: string }>();
      expectTypeOf(event.serverOutput).toEqualTypeOf<null>();
    });
    upsertSyncEventCallback('/room/chat', () => {});
    // @ts-expect-error not a sync of the route table
    upsertSyncEventCallback('nope', () => {});
  });
});
