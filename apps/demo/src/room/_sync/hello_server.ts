import type { SyncServerArgs } from '@luckystack/server';
import { z } from 'zod';

/** Only signed-in users are in the roster. */
export const auth = { login: true } as const;

/** An announcement, or the reply to one. */
export const schema = z.object({
  /** Null announces the sender to the room; a user id answers that user's announcement. */
  replyTo: z.string().max(64).nullable(),
});

/** Who is saying hello, from the session. */
export const main = ({ user }: SyncServerArgs<z.output<typeof schema>, typeof auth>) => ({
  member: { id: user.id, name: user.name, color: user.color },
});
