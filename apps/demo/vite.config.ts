import { svelte } from '@sveltejs/vite-plugin-svelte';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Three front ends, one build: the React app, and the Vue and Svelte views of the same room. */
export default defineConfig({
  plugins: [react(), vue(), svelte({ configFile: false })],
  build: {
    rolldownOptions: { input: { main: 'index.html', vue: 'vue.html', svelte: 'svelte.html' } },
  },
});
