import { cleanup } from '@testing-library/vue';
import { afterEach } from 'vitest';
import { type Harness, startServer } from '../../../testing/harness';
import { routes } from './routes.fixture';

type Config = NonNullable<Parameters<typeof startServer>[0]['config']>;

let harness: Harness | undefined;

// Without Vitest globals @testing-library/vue cannot register its own cleanup; unmount before the server goes.
afterEach(async () => {
  cleanup();
  await harness?.close();
  harness = undefined;
});

/** Starts a server with the test routes; it and its clients are closed after the test. */
export async function start(config: Config = {}): Promise<Harness> {
  harness = await startServer({ routes, config });
  return harness;
}

/** An element's text with runs of whitespace (from the templates' line breaks) collapsed. */
export const text = (element: Element): string => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
