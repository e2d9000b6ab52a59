import { Store } from '@luckystack/core';
import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, effectScope, h, isReadonly } from 'vue';
import { provideLuckyClient, useLuckyClient, useReadable } from '../src';
import { start } from './helpers';
import type { Routes } from './routes.fixture';
import SessionName from './SessionName.vue';

const FIX = 'useLuckyClient: no LuckyStack client found. Install the plugin: app.use(luckyStack(client))';

describe('providing the client', () => {
  it('throws a message naming the fix when a component has no client', () => {
    expect(() => render(SessionName)).toThrow(FIX);
  });

  it('throws the same message outside setup, without a Vue warning', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(() => useLuckyClient()).toThrow(FIX);
    expect(warn).not.toHaveBeenCalled();
  });

  it('provides the client to descendants from setup with provideLuckyClient', async () => {
    const harness = await start();
    const client = await harness.connectClient<Routes>({
      token: await harness.lucky.login({ id: 'ada', name: 'Ada' }),
    });
    const Root = defineComponent({
      setup() {
        provideLuckyClient(client);
        return () => h(SessionName);
      },
    });
    const view = render(Root);
    expect(await view.findByText('Ada')).toBeTruthy();
  });
});

describe('useReadable', () => {
  it('follows the store in a read-only ref and unsubscribes when its scope is disposed', () => {
    const store = new Store({ count: 0 });
    let subscribers = 0;
    const counted = {
      getSnapshot: store.getSnapshot,
      subscribe: (listener: () => void) => {
        subscribers++;
        const stop = store.subscribe(listener);
        return () => {
          subscribers--;
          stop();
        };
      },
    };
    const scope = effectScope();
    const ref = scope.run(() => useReadable(counted))!;
    expect(isReadonly(ref)).toBe(true);
    expect(ref.value).toBe(store.getSnapshot());
    expect(subscribers).toBe(1);

    store.setState({ count: 1 });
    expect(ref.value).toEqual({ count: 1 });
    expect(ref.value).toBe(store.getSnapshot());
    scope.stop();
    expect(subscribers).toBe(0);
    store.setState({ count: 2 });
    expect(ref.value).toEqual({ count: 1 });
  });
});
