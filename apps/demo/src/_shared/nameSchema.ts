import { z } from 'zod';
import { MAX_NAME_LENGTH } from './session';

/** A display name as the login and settings APIs accept it (server side: the browser bundle has no Zod). */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Type a name first')
  .max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters`);
