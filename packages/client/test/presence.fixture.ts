import { defineApi, defineRoutes } from '@luckystack/server';

export const presenceRoutes = defineRoutes({
  api: { 'me/whoami': defineApi({ auth: { login: true }, main: ({ user }) => user.id }) },
});
