import type { ApiArgs } from '@luckystack/server';
import { z } from 'zod';
import { nameSchema } from '../../_shared/nameSchema';
import { colorFor, type DemoSession, userIdFor } from '../../_shared/session';

/** Anyone may log in: a name is all it takes (a demo, not a bank). */
export const auth = { login: false } as const;

/** The name to sign in with: 1 to 24 characters, trimmed. */
export const schema = z.object({ name: nameSchema });

/** Starts a session for the name; the same name elsewhere is the same user, whose old session ends. */
export const main = async ({ data, functions }: ApiArgs<z.output<typeof schema>, typeof auth>) => {
  const session: DemoSession = { id: userIdFor(data.name), name: data.name, color: colorFor(data.name) };
  await functions.login(session);
  return session;
};
