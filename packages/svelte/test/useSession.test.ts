import { screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { renderWithClient } from './render';
import { type Routes, routes } from './routes.fixture';
import SessionView from './SessionView.svelte';

let harness: Harness;
afterEach(() => harness.close());

describe('useSession', () => {
  it('renders the session, and the new one after a handler saves it', async () => {
    harness = await startServer({ routes });
    const token = await harness.lucky.login({ id: 'ada', name: 'Old' });
    const client = await harness.connectClient<Routes>({ token });
    renderWithClient(client, SessionView, {});
    await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('Old'));

    await expect(client.apiRequest({ name: '/me/rename' })).resolves.toBe('saved');
    await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('New'));
  });

  it('renders null as anonymous', async () => {
    harness = await startServer({ routes });
    renderWithClient(await harness.connectClient(), SessionView, {});
    expect(screen.getByTestId('name').textContent).toBe('anonymous');
  });
});
