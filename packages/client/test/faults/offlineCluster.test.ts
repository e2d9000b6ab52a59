import { createLuckyClient, type LuckyClient } from '@luckystack/client';
import type { ErrorResponse } from '@luckystack/core';
import { Redis } from 'ioredis';
import { afterAll, expect, it, vi } from 'vitest';
import { type Cluster, startCluster } from '../../../../testing/cluster';
import { recordFigures } from '../../../../testing/figures';
import { deleteKeys, describeWithRedis, redisUrl, uniquePrefix } from '../../../../testing/redis';

const projectName = uniquePrefix();
let cluster: Cluster;
let client: LuckyClient;
let redis: Redis;

afterAll(async () => {
  client?.close();
  await cluster?.close();
  await deleteKeys(redis, projectName);
  await redis.quit();
});

describeWithRedis('keyed calls across a node kill in a two-node setup', () => {
  it('answers 1,000 keyed calls with 1,000 effects while the connection is cut and a node dies', async () => {
    redis = new Redis(redisUrl());
    cluster = await startCluster({ count: 2, redisUrl: redisUrl(), projectName, leaseMs: 1_000 });
    client = createLuckyClient({
      url: cluster.balancer.url,
      timeoutMs: 60_000,
      offlineQueue: { maxSize: 1000, ttlMs: 60_000 },
      socketOptions: { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 50 },
    });
    client.socket.on('disconnect', (reason) => reason === 'io server disconnect' && client.socket.connect());
    await vi.waitFor(() => expect(client.socket.connected).toBe(true));

    let cuts = 0;
    let killed = false;
    const answers: unknown[] = [];
    for (let batch = 0; batch < 50; batch++) {
      const calls = Array.from({ length: 20 }, (_, i) =>
        client.apiRequest({
          name: '/shop/buy',
          data: { id: `o${batch * 20 + i}` },
          idempotencyKey: true,
          offline: 'queue',
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      if (batch === 20 && !killed) {
        // Kill the node this client is on, mid-batch.
        const on = (await client.apiRequest({ name: '/node/name', offline: 'queue' })) as string;
        const victim = cluster.nodes.find((node) => node.name === on)!;
        cluster.balancer.setBackends(
          cluster.nodes.filter((node) => node !== victim).map((node) => node.port),
        );
        await victim.kill();
        killed = true;
      } else if (batch % 5 === 2 && client.socket.connected) {
        cuts++;
        client.socket.io.engine.close();
      }
      answers.push(...(await Promise.all(calls)));
    }
    const recorded = await redis.lrange(`${projectName}-effects`, 0, -1);
    const duplicates = recorded.length - new Set(recorded).size;
    const errors = answers.filter((answer) => (answer as ErrorResponse).status === 'error');
    recordFigures('offlineCluster', {
      calls: 1000,
      effects: recorded.length,
      answers: answers.length - errors.length,
      duplicates,
    });
    console.log(
      `[faults] keyed calls across a node kill: ${recorded.length} effects, ${answers.length - errors.length} answers, ${duplicates} duplicates, ${cuts} cuts`,
    );
    expect(killed).toBe(true);
    expect(errors).toEqual([]);
    expect(answers).toHaveLength(1000);
    expect(duplicates).toBe(0);
    expect(recorded).toHaveLength(1000);
  }, 120_000);
});
