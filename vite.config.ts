import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { HEADER_POLICY, META_POLICY } from './build/contentSecurity';

/** Puts the policy in the built page only: the dev server's hot reload needs inline scripts. */
function contentSecurityMeta(): Plugin {
  return {
    name: 'content-security-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY }, injectTo: 'head-prepend' }],
  };
}

// A relative base, so the built lab works from any folder of a site (and says what to do from file://).
// The simulation worker is an ES module worker (`new Worker(url, { type: 'module' })`).
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), contentSecurityMeta()],
  worker: { format: 'es' },
  preview: { headers: { 'Content-Security-Policy': HEADER_POLICY } },
});
