import type { DemoSession } from './_shared/session';
import type { AppRoutes } from './routes.gen';

// Once, for the whole app: `createLuckyClient()`, the hooks and every handler's `user` are typed from here.
declare module '@luckystack/core' {
  interface Register {
    routes: AppRoutes;
    session: DemoSession;
  }
}
