import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy of the production build (a meta tag; the dev server needs
 * inline scripts for hot reload, so it is added at build time only):
 * - scripts and workers only from the page's own origin: no inline script, no eval
 *   (MapLibre's worker is a file of the build, set with setWorkerUrl);
 * - connect/img also allow https: for the optional online basemap's style and tiles;
 * - inline style attributes are allowed (MapLibre and the UI position elements with them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// base './' makes every asset URL relative, so dist/ works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [preact(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
