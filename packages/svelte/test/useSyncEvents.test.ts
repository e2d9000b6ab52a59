import { screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import ChatView from './ChatView.svelte';
import LateChatView from './LateChatView.svelte';
import { renderWithClient } from './render';
import { type Routes, routes } from './routes.fixture';

let harness: Harness;
beforeEach(async () => {
  harness = await startServer({ routes });
});
afterEach(() => harness.close());

async function member() {
  const client = await harness.connectClient<Routes>({ getPath: () => '/room' });
  expect(await client.joinRoom('r1')).toBe(true);
  return client;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('useSyncEvents', () => {
  it('renders a sync another client sends to the room', async () => {
    const [alice, bob] = [await member(), await member()];
    const onChat = vi.fn();
    renderWithClient(bob, ChatView, { onChat });
    await alice.syncRequest({ name: 'chat', data: { text: 'hello bob' }, receiver: 'r1', ignoreSelf: true });
    expect(await screen.findByText('hello bob')).toBeTruthy();
    expect(onChat).toHaveBeenCalledWith({
      name: 'room/chat',
      clientData: { text: 'hello bob' },
      serverOutput: null,
    });
  });

  it('removes the callback when the component is destroyed', async () => {
    const [alice, bob] = [await member(), await member()];
    const before = bob.syncCallbackCount;
    const onChat = vi.fn();
    const { unmount } = renderWithClient(bob, ChatView, { onChat });
    expect(bob.syncCallbackCount).toBe(before + 1);
    await alice.syncRequest({ name: 'chat', data: { text: 'first' }, receiver: 'r1' });
    await screen.findByText('first');

    unmount();
    expect(bob.syncCallbackCount).toBe(before);
    expect(await alice.syncRequest({ name: 'chat', data: { text: 'second' }, receiver: 'r1' })).toEqual({
      delivered: 2,
    });
    await settle();
    expect(onChat).toHaveBeenCalledTimes(1);
  });

  it('ignores a registration that comes after the component was destroyed', async () => {
    const [alice, bob] = [await member(), await member()];
    let resolve = () => {};
    const ready = new Promise<void>((done) => {
      resolve = done;
    });
    const onChat = vi.fn();
    const { unmount } = renderWithClient(bob, LateChatView, { ready, onChat });
    unmount();
    resolve();
    await ready;
    expect(bob.syncCallbackCount).toBe(0);
    await alice.syncRequest({ name: 'chat', data: { text: 'too late' }, receiver: 'r1' });
    await settle();
    expect(onChat).not.toHaveBeenCalled();
  });
});
