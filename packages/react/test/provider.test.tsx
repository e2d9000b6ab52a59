import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLuckyClient, useSession, useSocketStatus, useSyncEvents } from '../src';
import { modes, renderWith } from './render';

const FIX = 'useLuckyClient: no LuckyStack client found. Wrap your app in <LuckyProvider client={client}>';

let client: LuckyClient | undefined;
afterEach(() => {
  cleanup();
  client?.close();
  client = undefined;
});

function Probe({ seen }: { seen: unknown[] }) {
  seen.push(useLuckyClient());
  return null;
}

function Orphan({ hook }: { hook: () => unknown }) {
  hook();
  return <p>rendered</p>;
}

describe.each(modes)('LuckyProvider ($mode)', ({ Mode }) => {
  it('hands its client to useLuckyClient', () => {
    client = createLuckyClient({ url: 'http://127.0.0.1:1', socketOptions: { autoConnect: false } });
    const seen: unknown[] = [];
    renderWith(client, <Probe seen={seen} />, Mode);
    expect(seen.length).toBeGreaterThan(0);
    for (const value of seen) expect(value).toBe(client);
  });

  it.each([
    ['useLuckyClient', useLuckyClient],
    ['useSocketStatus', useSocketStatus],
    ['useSession', useSession],
    ['useSyncEvents', useSyncEvents],
  ])('makes %s without a provider throw a message that names the fix', (_, hook) => {
    // React reports the render error on the console before rethrowing it.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <Mode>
          <Orphan hook={hook} />
        </Mode>,
      ),
    ).toThrow(FIX);
    expect(screen.queryByText('rendered')).toBeNull();
  });
});
