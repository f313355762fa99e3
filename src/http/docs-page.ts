// The API docs page (GET /api/docs/): Swagger UI from the swagger-ui-dist package, served by the
// adapter itself (no CDN), over the published OpenAPI document, with the login flow explained above
// it. The start script is a file of its own so the page's Content-Security-Policy allows no inline script.

export const DOCS_INIT_SCRIPT = 'docs-init.js';

export const DOCS_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>APIO adapter: API docs</title>
  <link rel="stylesheet" href="./swagger-ui.css">
  <link rel="icon" type="image/png" href="./favicon-32x32.png" sizes="32x32">
  <link rel="stylesheet" href="./docs.css">
</head>
<body>
  <section class="login-help" aria-labelledby="login-help-title">
    <h1>APIO-compatible BroadWorks provisioning adapter</h1>
    <h2 id="login-help-title">Logging in</h2>
    <ol>
      <li>Open <b>Authentication → POST /api/v01/auth/login</b>, press <b>Try it out</b>, enter a BroadWorks
        username and password (the embedded simulator's demo login is <code>admin</code> / <code>admin</code>,
        demo only) and press <b>Execute</b>. The answer carries an <code>access_token</code> and a
        <code>refresh_token</code>; this page puts the access token into <b>Authorize</b> for you.</li>
      <li>Or press <b>Authorize</b> and paste a bearer token: an <code>access_token</code> from a login made
        elsewhere, or a machine token configured under <code>auth.machineTokens</code>.</li>
      <li>Every <b>Instant Group Call</b> operation now runs with that token: <b>Try it out</b> is filled in
        with the seed world's tenant <code>ApioSpTest</code> and group <code>ApioGrpTest</code> and the
        APIO page's examples. Add <code>?dry_run=true</code> (the <code>dry_run</code> field) to a change to
        see the OCI-P documents it would send without sending them.</li>
    </ol>
    <p>An access token lasts 15 minutes by default: <code>GET /api/v01/auth/access_token</code> with the
      refresh token as bearer gives a new one; <code>POST /api/v01/auth/logout</code> revokes both. Scripts
      can also log in gateway-style (<code>POST /api/v1/login/</code>, a <code>sessionid</code> cookie).
      The document itself: <a href="../v1/openapi.json">/api/v1/openapi.json</a>.</p>
  </section>
  <div id="swagger-ui"></div>
  <script src="./swagger-ui-bundle.js" charset="UTF-8"></script>
  <script src="./${DOCS_INIT_SCRIPT}" charset="UTF-8"></script>
</body>
</html>
`;

/** Starts Swagger UI; after a successful login through the page, authorizes with its access token. */
export const DOCS_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '../v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  responseInterceptor: function (response) {
    var token = response && response.ok && response.body && response.body.access_token;
    if (token && /\\/api\\/v01\\/auth\\/login$/.test(response.url)) window.ui.preauthorizeApiKey('bearer', token);
    return response;
  },
});
`;

export const DOCS_CSS = `body { margin: 0; font-family: sans-serif; }
.login-help { max-width: 1460px; margin: 0 auto; padding: 16px 20px 0; color: #3b4151; }
.login-help h1 { font-size: 24px; margin: 0 0 8px; }
.login-help h2 { font-size: 18px; margin: 8px 0; }
.login-help li, .login-help p { line-height: 1.5; }
.login-help code { background: #f0f0f0; padding: 0 3px; border-radius: 3px; }
`;
