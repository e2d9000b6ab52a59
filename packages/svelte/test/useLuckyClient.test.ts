import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChatView from './ChatView.svelte';
import SessionView from './SessionView.svelte';
import SocketStatusView from './SocketStatusView.svelte';

const fix = 'useLuckyClient: no LuckyStack client found. Call setLuckyClient(client) in a parent component.';

describe('useLuckyClient', () => {
  it('throws a message naming the fix when no parent called setLuckyClient', () => {
    expect(() => render(SocketStatusView)).toThrow(fix);
    expect(() => render(SessionView)).toThrow(fix);
    expect(() => render(ChatView, { props: { onChat: () => {} } })).toThrow(fix);
  });
});
