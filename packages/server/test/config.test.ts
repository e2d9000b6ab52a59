import { DEFAULT_CONFIG, resolveConfig } from '@luckystack/server';
import { describe, expect, it } from 'vitest';

describe('resolveConfig', () => {
  it('fills every default', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      sessionExpiryDays: 7,
      allowMultipleSessions: false,
      enableZodValidation: true,
      socketActivityBroadcaster: false,
      graceTimes: { tabSwitch: 20_000, transport: 60_000, other: 2_000 },
      sync: { requireRoomMembership: true, allowAll: false },
    });
  });

  it('merges nested settings one key at a time', () => {
    const config = resolveConfig({
      sync: { allowAll: true },
      graceTimes: { tabSwitch: 5 },
      limits: { maxRoomsPerSocket: 3 },
    });
    expect(config.sync).toEqual({ requireRoomMembership: true, allowAll: true });
    expect(config.graceTimes).toEqual({ tabSwitch: 5, transport: 60_000, other: 2_000 });
    expect(config.limits).toEqual({ ...DEFAULT_CONFIG.limits, maxRoomsPerSocket: 3 });
  });

  it('does not share nested objects with the defaults', () => {
    const config = resolveConfig();
    config.limits.maxInFlightPerSocket = 1;
    expect(DEFAULT_CONFIG.limits.maxInFlightPerSocket).toBe(64);
  });
});
