/** The server's settings; every field has a default. */
export interface LuckyConfig {
  /** Prefix of session keys: `{projectName}-session:{token}`. @defaultValue 'luckystack' */
  projectName: string;
  /** How long a session lives. @defaultValue 7 */
  sessionExpiryDays: number;
  /** Whether one user may hold several sessions; false ends the others at login. @defaultValue false */
  allowMultipleSessions: boolean;
  /** Whether handler schemas validate incoming data. @defaultValue true */
  enableZodValidation: boolean;
  /** Limits applied to every socket. */
  limits: {
    /** Largest message accepted, in bytes, set as Socket.IO's `maxHttpBufferSize` on a server LuckyStack creates. @defaultValue 1_000_000 */
    maxPayloadBytes: number;
    /** API calls one socket may have running at once; more are answered RATE_LIMITED. @defaultValue 64 */
    maxInFlightPerSocket: number;
    /** Rooms one socket may be in at once. @defaultValue 50 */
    maxRoomsPerSocket: number;
  };
  /** Who may sync to whom. */
  sync: {
    /** Whether a sender must have joined the room it syncs to. @defaultValue true */
    requireRoomMembership: boolean;
    /** Whether a sync may go to `'all'` (every connected socket). @defaultValue false */
    allowAll: boolean;
  };
}

/** Partial settings as users pass them; nested objects may be partial too. */
export type LuckyConfigInput = Partial<Omit<LuckyConfig, 'limits'>> & {
  limits?: Partial<LuckyConfig['limits']>;
};

/** The defaults of {@link LuckyConfig}. */
export const DEFAULT_CONFIG: LuckyConfig = {
  projectName: 'luckystack',
  sessionExpiryDays: 7,
  allowMultipleSessions: false,
  enableZodValidation: true,
  limits: { maxPayloadBytes: 1_000_000, maxInFlightPerSocket: 64, maxRoomsPerSocket: 50 },
  sync: { requireRoomMembership: true, allowAll: false },
};

/** Fills the defaults into partial settings. */
export function resolveConfig(input: LuckyConfigInput = {}): LuckyConfig {
  return {
    ...DEFAULT_CONFIG,
    ...input,
    limits: { ...DEFAULT_CONFIG.limits, ...input.limits },
    sync: { ...DEFAULT_CONFIG.sync, ...input.sync },
  };
}
