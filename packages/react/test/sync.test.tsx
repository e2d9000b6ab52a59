import type { LuckyClient } from '@luckystack/client';
import { cleanup, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { LuckyProvider, useSyncEvents } from '../src';
import { modes, renderWith } from './render';
import { type Routes, routes } from './routes.fixture';

let harness: Harness;
let alice: LuckyClient<Routes>;
let bob: LuckyClient<Routes>;
beforeEach(async () => {
  harness = await startServer({ routes });
  alice = await harness.connectClient<Routes>({ getPath: () => '/room' });
  bob = await harness.connectClient<Routes>({ getPath: () => '/room' });
  expect(await alice.joinRoom('r1')).toBe(true);
  expect(await bob.joinRoom('r1')).toBe(true);
});
afterEach(async () => {
  cleanup();
  await harness.close();
});

const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

const ignore = () => {};

/** Shows the last chat text, registered the spec's way: once, in an effect, without cleanup. */
function Chat({ onChat = ignore }: { onChat?: (text: string) => void }) {
  const { upsertSyncEventCallback } = useSyncEvents<Routes>();
  const [text, setText] = useState('none');
  useEffect(() => {
    upsertSyncEventCallback('chat', ({ clientData }) => {
      onChat(clientData.text);
      setText(clientData.text);
    });
  }, [upsertSyncEventCallback, onChat]);
  return <p data-testid="chat">{text}</p>;
}

/** Records every upsertSyncEventCallback it is rendered with. */
function Probe({ label, seen }: { label: string; seen: Set<unknown> }) {
  seen.add(useSyncEvents<Routes>().upsertSyncEventCallback);
  return <p>{label}</p>;
}

describe.each(modes)('useSyncEvents ($mode)', ({ Mode }) => {
  it('renders a sync another client sends to the room', async () => {
    renderWith(bob, <Chat />, Mode);
    expect(screen.getByTestId('chat').textContent).toBe('none');
    await alice.syncRequest({ name: 'chat', data: { text: 'hello from alice' }, receiver: 'r1' });
    expect((await screen.findByText('hello from alice')).dataset.testid).toBe('chat');
  });

  it('has the callback registered exactly once after mounting, and called once per sync', async () => {
    const onChat = vi.fn();
    renderWith(bob, <Chat onChat={onChat} />, Mode);
    expect(bob.syncCallbackCount).toBe(1);
    await alice.syncRequest({ name: 'chat', data: { text: 'once' }, receiver: 'r1' });
    await screen.findByText('once');
    await settle();
    expect(onChat.mock.calls).toEqual([['once']]);
  });

  it('removes the callback on unmount: no more calls, and the client’s count is back', async () => {
    const before = bob.syncCallbackCount;
    const onChat = vi.fn();
    const view = renderWith(bob, <Chat onChat={onChat} />, Mode);
    await alice.syncRequest({ name: 'chat', data: { text: 'first' }, receiver: 'r1' });
    await screen.findByText('first');
    view.unmount();
    expect(bob.syncCallbackCount).toBe(before);

    await alice.syncRequest({ name: 'chat', data: { text: 'second' }, receiver: 'r1' });
    await settle();
    expect(onChat.mock.calls).toEqual([['first']]);
    expect(bob.syncCallbackCount).toBe(before);
  });

  it('moves its callbacks when the provider switches to another client', async () => {
    const carol = await harness.connectClient<Routes>({ getPath: () => '/room' });
    expect(await carol.joinRoom('r1')).toBe(true);
    const tree = (client: LuckyClient<Routes>) => (
      <Mode>
        <LuckyProvider client={client}>
          <Chat />
        </LuckyProvider>
      </Mode>
    );
    const view = render(tree(bob));
    expect([bob.syncCallbackCount, carol.syncCallbackCount]).toEqual([1, 0]);
    view.rerender(tree(carol));
    expect([bob.syncCallbackCount, carol.syncCallbackCount]).toEqual([0, 1]);
    await alice.syncRequest({ name: 'chat', data: { text: 'to carol' }, receiver: 'r1' });
    await screen.findByText('to carol');
  });

  it('returns the same upsertSyncEventCallback on every render', async () => {
    const seen = new Set<unknown>();
    const view = renderWith(bob, <Probe label="a" seen={seen} />, Mode);
    view.rerender(<Probe label="b" seen={seen} />);
    expect(screen.getByText('b')).toBeTruthy();
    expect(seen.size).toBe(1);
  });
});
