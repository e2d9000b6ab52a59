import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Unminified, so release:check can find the binding's exported names in the bundle.
export default defineConfig({ plugins: [vue()], build: { minify: false } });
