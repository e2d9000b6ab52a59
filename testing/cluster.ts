import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { GraceTimes } from '@luckystack/core';
import { startTcpBalancer, type TcpBalancer } from './tcpBalancer';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One server process of a {@link Cluster}. */
export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  /** SIGKILL: the process dies mid-whatever, as a crashed node would. */
  kill: () => Promise<void>;
}

/** Several real LuckyStack server processes sharing one Redis, behind a TCP balancer. */
export interface Cluster {
  nodes: ClusterNode[];
  balancer: TcpBalancer;
  close: () => Promise<void>;
}

async function startNode(name: string, env: Record<string, string>): Promise<ClusterNode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'testing/clusterNode.ts'], {
    cwd: root,
    env: { ...process.env, ...env, NODE_NAME: name, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { ready?: boolean; port?: number };
        if (message.ready && message.port) resolve(message.port);
      } catch {
        // Not the ready line.
      }
    });
    child.once('exit', (code) => reject(new Error(`cluster node ${name} exited with ${code}`)));
  });
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return { name, port, url: `http://127.0.0.1:${port}`, kill };
}

/** Starts `count` nodes on loopback ports with one Redis and key prefix, and a balancer in front. */
export async function startCluster(options: {
  count: number;
  redisUrl: string;
  projectName: string;
  graceTimes?: Partial<GraceTimes>;
  /** How long a keyed call's run holds its claim (LuckyConfig.idempotency.leaseMs). */
  leaseMs?: number;
}): Promise<Cluster> {
  const env = {
    LEASE_MS: String(options.leaseMs ?? 30_000),
    REDIS_URL: options.redisUrl,
    PROJECT_NAME: options.projectName,
    GRACE_TIMES: JSON.stringify(options.graceTimes ?? {}),
  };
  const nodes = await Promise.all(
    Array.from({ length: options.count }, (_, i) => startNode(`node${i + 1}`, env)),
  );
  const balancer = await startTcpBalancer(nodes.map((node) => node.port));
  return {
    nodes,
    balancer,
    close: async () => {
      await balancer.close();
      await Promise.all(nodes.map((node) => node.kill()));
    },
  };
}
