import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { luckyStack } from '../src';
import ChatInbox from './ChatInbox.vue';
import { settle, start } from './helpers';
import type { Routes } from './routes.fixture';

async function members() {
  const harness = await start();
  const member = async () => {
    const client = await harness.connectClient<Routes>({ getPath: () => '/room' });
    expect(await client.joinRoom('r1')).toBe(true);
    return client;
  };
  return [await member(), await member()] as const;
}

describe('useSyncEvents', () => {
  it('renders a sync sent by another client to the shared room', async () => {
    const [alice, bob] = await members();
    const view = render(ChatInbox, { global: { plugins: [luckyStack(bob)] } });
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'hello' }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    expect(await view.findByText('hello')).toBeTruthy();
  });

  it('removes the callback on unmount: later syncs call nothing and the count returns', async () => {
    const [alice, bob] = await members();
    const before = bob.syncCallbackCount;
    const onMessage = vi.fn();
    const view = render(ChatInbox, { props: { onMessage }, global: { plugins: [luckyStack(bob)] } });
    expect(bob.syncCallbackCount).toBe(before + 1);
    await alice.syncRequest({ name: 'chat', data: { text: 'first' }, receiver: 'r1' });
    await vi.waitFor(() => expect(onMessage).toHaveBeenCalledWith('first'));

    view.unmount();
    expect(bob.syncCallbackCount).toBe(before);
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'second' }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    await settle();
    expect(onMessage).toHaveBeenCalledTimes(1);
  });

  it("gives each component its own callback per name; one unmount leaves the other's alone", async () => {
    const [alice, bob] = await members();
    const before = bob.syncCallbackCount;
    const [first, second] = [vi.fn(), vi.fn()];
    const firstView = render(ChatInbox, {
      props: { onMessage: first },
      global: { plugins: [luckyStack(bob)] },
    });
    // Two components upserting the same name do not replace each other: the upsert is per component.
    const secondView = render(ChatInbox, {
      props: { onMessage: second },
      global: { plugins: [luckyStack(bob)] },
    });
    expect(bob.syncCallbackCount).toBe(before + 2);

    firstView.unmount();
    expect(bob.syncCallbackCount).toBe(before + 1);
    await alice.syncRequest({ name: 'chat', data: { text: 'still here' }, receiver: 'r1' });
    expect(await secondView.findByText('still here')).toBeTruthy();
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();

    secondView.unmount();
    expect(bob.syncCallbackCount).toBe(before);
  });
});
