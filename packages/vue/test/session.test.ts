import { render } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { luckyStack } from '../src';
import { start } from './helpers';
import type { Routes } from './routes.fixture';
import SessionName from './SessionName.vue';

describe('useSession', () => {
  it('renders the session name, and the new one after an API saves the session', async () => {
    const harness = await start();
    const token = await harness.lucky.login({ id: 'ada', name: 'Old' });
    const client = await harness.connectClient<Routes>({ token });
    const view = render(SessionName, { global: { plugins: [luckyStack(client)] } });
    expect(await view.findByText('Old')).toBeTruthy();

    const result = await client.apiRequest({ name: '/me/rename' });
    expect(result).not.toMatchObject({ status: 'error' });
    expect(await view.findByText('New')).toBeTruthy();
  });

  it('renders an anonymous connection as no session', async () => {
    const harness = await start();
    const client = await harness.connectClient<Routes>();
    const view = render(SessionName, { global: { plugins: [luckyStack(client)] } });
    expect(view.getByText('anonymous')).toBeTruthy();
  });
});
