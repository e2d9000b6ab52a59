import { z } from 'zod';

/** What every RPC comparator sends and gets back: a small, typical API payload. */
export interface EchoData {
  text: string;
  n: number;
}

/** The payload of every RPC call. */
export const ECHO_DATA: EchoData = { text: 'hello, world', n: 42 };

/** The schema of the realistic path (workload 3): the same checks on every comparator that validates. */
export const echoSchema = z.object({ text: z.string().min(1).max(200), n: z.number().int() });

/** The session every benchmark user has, so auth rules have something to check (a type: sessions are records). */
export type BenchSession = {
  id: string;
  name: string;
  role: 'member';
};

/** The realistic path's auth rules: logged in, a member, with a string name. */
export const SECURE_AUTH = {
  login: true,
  additional: [
    { key: 'role', value: 'member' },
    { key: 'name', type: 'string' },
  ],
} as const;

/** Whether `session` passes {@link SECURE_AUTH}: what the hand-written comparators check. */
export function passesSecureAuth(session: BenchSession | null | undefined): boolean {
  return session != null && session.role === 'member' && typeof session.name === 'string';
}

/** The token of benchmark user `index`; servers seed these sessions before they report ready. */
export function tokenFor(index: number): string {
  return `bench-token-${index}`;
}

/** The session of benchmark user `index`. */
export function sessionFor(index: number): BenchSession {
  return { id: `user-${index}`, name: `User ${index}`, role: 'member' };
}

/** The room every fan-out receiver joins. */
export const ROOM = 'bench-room';

/** The page the LuckyStack clients are on: their relative names resolve to `bench/…` routes. */
export const PAGE = '/bench';

/** What a fan-out sender sends and every receiver gets back as `clientData` (a type: sync data is a record). */
export type DeliveryData = {
  /** The broadcast's sequence number, for flow control. */
  seq: number;
  /** When it was sent, in ms since the epoch with sub-ms precision (see `lib/clock.ts`). */
  sentAt: number;
  text: string;
};

/** What a fan-out receiver gets: the shape of a LuckyStack sync delivery, for every comparator. */
export interface Delivery {
  name: string;
  clientData: DeliveryData;
  serverOutput: unknown;
}
