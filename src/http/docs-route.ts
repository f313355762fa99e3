// GET /api/docs/: the interactive API docs page (docs-page.ts). Swagger UI's own files come from the
// swagger-ui-dist package's directory through express.static — only the few the page loads — so
// the page works offline and a package update is the only way they change. Public, like the
// OpenAPI document it shows; the API calls made from it need credentials as any other.
import { createRequire } from 'node:module';
import express, { Router } from 'express';
import type { RequestHandler } from 'express';
import { DOCS_CSS, DOCS_INIT_SCRIPT, DOCS_PAGE, DOCS_SCRIPT } from './docs-page.js';

/** The package's absolute path, without loading its 1.5 MB bundle into the adapter. */
const swaggerUiDir = (createRequire(import.meta.url)('swagger-ui-dist/absolute-path.js') as () => string)();

const ASSETS = new Set(['/swagger-ui.css', '/swagger-ui.css.map', '/swagger-ui-bundle.js', '/swagger-ui-bundle.js.map', '/favicon-32x32.png', '/favicon-16x16.png']);

/** Swagger UI needs inline styles; scripts only from here; API calls only to this origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function docsRoutes(): Router {
  const router = Router({ strict: true });
  const page: RequestHandler = (_request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.type('html').send(DOCS_PAGE);
  };
  router.get('/api/docs', (_request, response) => response.redirect(301, '/api/docs/'));
  router.get('/api/docs/', page);
  router.get(`/api/docs/${DOCS_INIT_SCRIPT}`, (_request, response) => {
    response.type('application/javascript').send(DOCS_SCRIPT);
  });
  router.get('/api/docs/docs.css', (_request, response) => {
    response.type('text/css').send(DOCS_CSS);
  });
  const assets = express.static(swaggerUiDir, { index: false, redirect: false, maxAge: '1h', fallthrough: true });
  router.use('/api/docs', (request, response, next) => (ASSETS.has(request.path) ? assets(request, response, next) : next()));
  return router;
}
