import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The simulation worker is an ES module worker (`new Worker(url, { type: 'module' })`).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
});
