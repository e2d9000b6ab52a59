import type { Socket as NetSocket } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recordFigures } from '../../../../testing/figures';
import { type Harness, startServer } from '../../../../testing/harness';
import { faultRoutes } from './faults.fixture';

let harness: Harness;
afterAll(() => harness?.close());

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

describe('a slow consumer', () => {
  it('is dropped before the server buffers without bound, while the others keep receiving', async () => {
    harness = await startServer({
      routes: faultRoutes,
      config: { limits: { rate: false, maxInFlightPerSocket: 10_000, maxBufferedPackets: 500 } },
    });
    const sender = await harness.connectRaw({ auth: { rooms: ['feed'] } });
    const healthy = await harness.connectRaw({ auth: { rooms: ['feed'] } });
    const slow = await harness.connectRaw({ auth: { rooms: ['feed'] } });
    let healthyReceived = 0;
    healthy.on('sync', () => healthyReceived++);
    const slowDropped = new Promise<string>((resolve) => slow.once('disconnect', resolve));
    // Stop reading: the kernel buffers fill and the server's writes back up.
    const transport = slow.io.engine.transport as unknown as { ws: { _socket: NetSocket } };
    transport.ws._socket.pause();

    const before = heapMb();
    const blob = 'x'.repeat(16_384);
    let peak = before;
    for (let i = 0; i < 8_000; i++) {
      sender.emit('sync', { name: 'sync/room/blob', data: { blob }, receiver: 'feed', responseIndex: i });
      if (i % 250 === 249) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        peak = Math.max(peak, process.memoryUsage().heapUsed / 1e6);
      }
    }
    transport.ws._socket.resume();
    await vi.waitFor(() => expect(healthyReceived).toBe(8_000), { timeout: 60_000 });
    const reason = await slowDropped;
    const after = heapMb();
    console.log(
      `[faults] slow consumer: dropped (${reason}); heap ${before.toFixed(1)} → peak ${peak.toFixed(1)} → ${after.toFixed(1)} MB for 8000 × 16 KB`,
    );
    recordFigures('slowConsumer', { leaks: peak - before >= 96 || after - before >= 16 ? 1 : 0 });
    // 8000 × 16 KB is 128 MB per receiver: had the slow one been buffered in full, the heap would show it.
    expect(peak - before).toBeLessThan(96);
    expect(after - before).toBeLessThan(16);
  });
});
