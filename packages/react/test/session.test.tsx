import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { useSession } from '../src';
import { modes, renderWith } from './render';
import { type Routes, routes } from './routes.fixture';

let harness: Harness;
afterEach(async () => {
  cleanup();
  await harness?.close();
});

function Name() {
  const { session } = useSession();
  return <p data-testid="name">{session ? String(session.name) : 'anonymous'}</p>;
}

describe.each(modes)('useSession ($mode)', ({ Mode }) => {
  it('renders the session the server sends, and the new one after a handler saves it', async () => {
    harness = await startServer({ routes });
    const token = await harness.lucky.login({ id: 'ada', name: 'Ada' });
    const client = await harness.connectClient<Routes>({ token });
    renderWith(client, <Name />, Mode);
    await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('Ada'));

    await client.apiRequest({ name: '/me/rename' });
    await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('New'));
  });

  it('renders null as anonymous for a client without a session', async () => {
    harness = await startServer({ routes });
    const client = await harness.connectClient<Routes>();
    renderWith(client, <Name />, Mode);
    expect(screen.getByTestId('name').textContent).toBe('anonymous');
  });
});
