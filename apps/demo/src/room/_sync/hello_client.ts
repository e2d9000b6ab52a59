import type { SyncClientArgs } from '@luckystack/server';
import type { z } from 'zod';
import type { schema, main as server } from './hello_server';

/**
 * Runs once per receiver: an announcement reaches everyone else in the room and asks for a reply; a reply
 * reaches only the user it answers. Never the sender's own tabs.
 */
export const main = ({
  clientData,
  serverOutput,
  user,
}: SyncClientArgs<z.output<typeof schema>, ReturnType<typeof server>>) => {
  if (!user || user.id === serverOutput.member.id) return { status: 'error' as const };
  if (clientData.replyTo !== null && clientData.replyTo !== user.id) return { status: 'error' as const };
  return { status: 'success' as const, wantsReply: clientData.replyTo === null };
};
