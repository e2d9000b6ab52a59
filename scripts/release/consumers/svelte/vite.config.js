import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Unminified, so release:check can find the binding's exported names in the bundle.
export default defineConfig({ plugins: [svelte()], build: { minify: false } });
