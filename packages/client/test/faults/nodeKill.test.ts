import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import { ERROR_CODES } from '@luckystack/core';
import { Redis } from 'ioredis';
import { afterAll, expect, it, vi } from 'vitest';
import { type Cluster, startCluster } from '../../../../testing/cluster';
import { recordFigures } from '../../../../testing/figures';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../../testing/redis';

const projectName = uniquePrefix();
let cluster: Cluster;
let client: LuckyClient;

afterAll(async () => {
  client?.close();
  await cluster?.close();
  const redis = new Redis(redisUrl());
  await deleteKeys(redis, projectName);
  await redis.quit();
});

describeWithRedis('a server process killed mid-request in a two-node setup', () => {
  it('fails the calls in flight with DISCONNECTED at once, then serves them from the other node', async () => {
    cluster = await startCluster({ count: 2, redisUrl: redisUrl(), projectName });
    client = createLuckyClient({
      url: cluster.balancer.url,
      socketOptions: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 100 },
    });
    await vi.waitFor(() => expect(client.socket.connected).toBe(true));
    const node = (await client.apiRequest({ name: '/node/name' })) as string;
    const victim = cluster.nodes.find((candidate) => candidate.name === node)!;
    const inFlight = Array.from({ length: 5 }, () => client.apiRequest({ name: '/test/slow' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const killedAt = performance.now();
    cluster.balancer.setBackends(
      cluster.nodes.filter((other) => other !== victim).map((other) => other.port),
    );
    await victim.kill();
    const answers = await Promise.all(inFlight);
    const waited = performance.now() - killedAt;
    console.log(`[faults] node kill: ${answers.length} calls in flight failed after ${waited.toFixed(0)} ms`);
    const hung = answers.filter(
      (answer) => (answer as { errorCode?: string }).errorCode !== ERROR_CODES.DISCONNECTED,
    ).length;
    recordFigures('nodeKill', { inFlight: answers.length, hung });
    expect(answers).toEqual(
      Array(5).fill(expect.objectContaining({ status: 'error', errorCode: ERROR_CODES.DISCONNECTED })),
    );
    expect(waited).toBeLessThan(2_000);
    await vi.waitFor(() => expect(client.socket.connected).toBe(true), { timeout: 10_000 });
    const survivor = await client.apiRequest({ name: '/node/name' });
    expect(survivor).not.toBe(node);
    expect(typeof survivor).toBe('string');
  });
});
