import type { ApiArgs } from '@luckystack/server';
import { z } from 'zod';
import { nameSchema } from '../../_shared/nameSchema';
import { PALETTE } from '../../_shared/session';

/** Only a signed-in user has a profile to update. */
export const auth = { login: true } as const;

/** A display name and one of the palette's colours. */
export const schema = z.object({ name: nameSchema, color: z.enum(PALETTE) });

/** Changes the display name and colour; `updateSession` pushes the new session to every tab of the user. */
export const main = ({ data, functions }: ApiArgs<z.output<typeof schema>, typeof auth>) =>
  functions.updateSession((session) => ({ ...session, name: data.name, color: data.color }));
