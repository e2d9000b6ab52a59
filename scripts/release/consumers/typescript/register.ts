// Registering the route table once types every client made without a type argument.
import { createLuckyClient } from '@luckystack/client';
import type { ErrorResponse } from '@luckystack/core';
import type { AppRoutes } from './routes.js';

declare module '@luckystack/core' {
  interface Register {
    routes: AppRoutes;
  }
}

const client = createLuckyClient({ url: 'http://127.0.0.1:1', socketOptions: { autoConnect: false } });
const doubled = client.apiRequest({ name: '/math/double', data: { n: 1 } });
export const registeredIsTyped: Equal<Awaited<typeof doubled>, { doubled: number } | ErrorResponse> = true;
