import { defineConfig } from 'tsup';
import { luckyPreset } from '../../tsup.preset';

export default defineConfig(luckyPreset());
