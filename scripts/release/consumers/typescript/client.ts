// A typed client from the tarballs' ESM types: results come from `main`, data from the schema.
import { createLuckyClient } from '@luckystack/client';
import type { ErrorResponse } from '@luckystack/core';
import type { AppRoutes } from './routes.js';

const client = createLuckyClient<AppRoutes>({
  url: 'http://127.0.0.1:1',
  socketOptions: { autoConnect: false },
});

const doubled = await client.apiRequest({ name: '/math/double', data: { n: 21 } });
export const resultIsTyped: Equal<typeof doubled, { doubled: number } | ErrorResponse> = true;

const renamed = client.apiRequest({ name: 'rename', data: { name: 'Ada' } });
export const relativeNameIsTyped: Equal<
  Awaited<typeof renamed>,
  { id: string; name: string } | ErrorResponse
> = true;

// @ts-expect-error `n` is a number in the schema
client.apiRequest({ name: '/math/double', data: { n: '21' } });
// @ts-expect-error no route has this name
client.apiRequest({ name: '/math/triple', data: { n: 1 } });
