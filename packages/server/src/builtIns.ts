import type { SessionLayout } from '@luckystack/core';
import { type CompiledApi, compileApi } from './compileRoutes';
import type { SessionHelpers } from './types';

/** The built-in APIs, run through the same pipeline as user routes. */
export const BUILT_IN_ROUTES: ReadonlyMap<string, CompiledApi> = new Map([
  [
    'session',
    compileApi('session', {
      auth: { login: false },
      main: ({ user }: { user: SessionLayout | null }) => user,
    }),
  ],
  [
    'logout',
    compileApi('logout', {
      auth: { login: false },
      main: async ({ user, functions }: { user: SessionLayout | null; functions: SessionHelpers }) => {
        if (!user) return { loggedOut: false };
        await functions.logout();
        return { loggedOut: true };
      },
    }),
  ],
]);
