import { defineConfig } from 'tsup';
import { luckyPreset } from '../../tsup.preset';

export default defineConfig(
  luckyPreset({ entry: ['src/index.ts', 'src/testing/index.ts', 'src/redis.ts', 'src/bin.ts'] }),
);
