import { randomUUID } from 'node:crypto';
import type { SyncServerArgs } from '@luckystack/server';
import { z } from 'zod';
import { type ChatMessage, MAX_CHAT_LENGTH } from '../../_shared/chat';
import { chatLog } from '../_lib/chatLog';

/** Only signed-in users chat. */
export const auth = { login: true } as const;

/** Checked on the server before anyone receives the message; a refusal goes back to the sender only. */
export const schema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write something first')
    .max(MAX_CHAT_LENGTH, `Messages are at most ${MAX_CHAT_LENGTH} characters`),
});

/** Stamps the message with its author (from the session, not from the sender's data) and keeps it. */
export const main = ({
  clientData,
  user,
  roomCode,
}: SyncServerArgs<z.output<typeof schema>, typeof auth>) => {
  const message: ChatMessage = {
    id: randomUUID(),
    author: { id: user.id, name: user.name, color: user.color },
    text: clientData.text,
    sentAt: Date.now(),
  };
  chatLog.add(roomCode, message);
  return { message };
};
