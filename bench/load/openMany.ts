import type { BenchConnection } from '../clients/types';

/** How many handshakes run at once: enough to be quick, few enough not to time out under load. */
const CONCURRENT_HANDSHAKES = 50;

/** Opens `count` connections with `open(index)`, a few dozen handshakes at a time. */
export async function openMany(
  count: number,
  open: (index: number) => Promise<BenchConnection>,
): Promise<BenchConnection[]> {
  const connections: BenchConnection[] = [];
  for (let start = 0; start < count; start += CONCURRENT_HANDSHAKES) {
    const batch = Array.from({ length: Math.min(CONCURRENT_HANDSHAKES, count - start) }, (_, i) =>
      open(start + i),
    );
    connections.push(...(await Promise.all(batch)));
  }
  return connections;
}
