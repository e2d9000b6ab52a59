import type { ApiArgs } from '@luckystack/server';
import { z } from 'zod';
import { chatLog } from '../_lib/chatLog';

/** Only signed-in users read the chat. */
export const auth = { login: true } as const;

/** Which room's history. */
export const schema = z.object({ room: z.string().min(1).max(64) });

/** The room's recent chat messages, for a tab that just joined or reconnected. */
export const main = ({ data }: ApiArgs<z.output<typeof schema>, typeof auth>) => chatLog.recent(data.room);
