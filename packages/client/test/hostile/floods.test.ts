import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../../../../testing/harness';
import { hostileRoutes } from './hostile.fixture';
import { rawCall as call } from './rawCall';

let harness: Harness;
afterEach(() => harness.close());

describe('floods', () => {
  it('answers calls past the rate limit with RATE_LIMITED, and serves again once the bucket refills', async () => {
    harness = await startServer({
      routes: hostileRoutes,
      config: { limits: { rate: { burst: 50, perSecond: 2 }, maxInFlightPerSocket: 10_000 } },
    });
    const socket = await harness.connectRaw();
    const answers = await Promise.all(Array.from({ length: 80 }, () => call(socket)));
    const limited = answers.filter(
      (answer) => answer.status === 'error' && answer.errorCode === 'RATE_LIMITED',
    );
    expect(answers.filter((answer) => answer.status === 'success')).toHaveLength(50);
    expect(limited).toHaveLength(30);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await call(socket)).toMatchObject({ status: 'success' });
    expect(socket.connected).toBe(true);
    const other = await harness.connectRaw();
    expect(await call(other)).toMatchObject({ status: 'success' });
  });

  it('closes a socket that keeps flooding into an empty bucket', async () => {
    harness = await startServer({
      routes: hostileRoutes,
      config: { limits: { rate: { burst: 50, perSecond: 10 }, maxInFlightPerSocket: 10_000 } },
    });
    const socket = await harness.connectRaw();
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 300; i++)
      socket.emit('apiRequest', { name: 'api/test/echo', data: {}, responseIndex: i });
    expect(await closed).toBe('io server disconnect');
    const other = await harness.connectRaw();
    expect(await call(other)).toMatchObject({ status: 'success' });
  });

  it('closes a connection whose message is over the payload limit, and keeps serving the others', async () => {
    harness = await startServer({ routes: hostileRoutes, config: { limits: { maxPayloadBytes: 10_000 } } });
    const [big, other] = [await harness.connectRaw(), await harness.connectRaw()];
    const reason = new Promise<string>((resolve) => big.once('disconnect', resolve));
    big.emit('apiRequest', { name: 'api/test/echo', data: { blob: 'x'.repeat(20_000) }, responseIndex: 1 });
    expect(await reason).toBe('transport close');
    expect(await call(other)).toMatchObject({ status: 'success' });
  });
});
