import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Unminified, so release:check can find the binding's exported names in the bundle.
export default defineConfig({ plugins: [react()], build: { minify: false } });
