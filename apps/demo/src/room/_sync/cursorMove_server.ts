import type { SyncServerArgs } from '@luckystack/server';
import { z } from 'zod';

/** Only signed-in users have a cursor. */
export const auth = { login: true } as const;

/** A position relative to the canvas (0–1 on both axes), so different window sizes agree. */
export const schema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  /** False when the pointer left the canvas. */
  visible: z.boolean(),
});

/** Names the cursor's owner from the session, so nobody can move someone else's cursor. */
export const main = ({ user }: SyncServerArgs<z.output<typeof schema>, typeof auth>) => ({
  userId: user.id,
  name: user.name,
  color: user.color,
});
