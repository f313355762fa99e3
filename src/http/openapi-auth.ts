// The OpenAPI operations of the login routes, declared with them (auth-routes.ts), so the docs page
// can log in: "try it out" on POST /api/v01/auth/login, and the page puts the access token into
// Authorize (docs-page.ts).

const json = (schema: object, example?: unknown) => ({
  content: { 'application/json': { schema, ...(example !== undefined && { example }) } },
});

const tokens = {
  type: 'object',
  required: ['access_token'],
  properties: {
    access_token: { type: 'string', description: 'HS256 JWT; send it as Authorization: Bearer <access_token>' },
    refresh_token: { type: 'string', description: 'for GET /api/v01/auth/access_token' },
  },
};
const coreError = { type: 'object', properties: { error: { type: 'string' } } };

export const AUTH_TAG = 'Authentication';

export const authOperations = {
  coreLogin: {
    tags: [AUTH_TAG],
    summary: 'Log in: a BroadWorks username and password give an access and a refresh token',
    description:
      'The password is checked by an OCI-P login to the BroadWorks the adapter talks to. On this page the access token ' +
      'is put into Authorize for you; elsewhere send it as `Authorization: Bearer <access_token>`.',
    security: [],
    requestBody: {
      required: true,
      ...json(
        {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', minLength: 1, maxLength: 200, format: 'password' },
            proxy: { type: 'string', maxLength: 70 },
          },
        },
        // The embedded simulator's seed world (README: demo only).
        { username: 'admin', password: 'admin' },
      ),
    },
    responses: {
      '200': { description: 'The token pair', ...json(tokens) },
      '401': { description: 'Wrong username or password (the same answer for both)', ...json(coreError) },
      '429': { description: 'Too many login attempts from this address; see Retry-After', ...json(coreError) },
      '502': { description: 'BroadWorks unreachable', ...json(coreError) },
    },
  },
  accessToken: {
    tags: [AUTH_TAG],
    summary: 'A new access token, with the refresh token as bearer',
    responses: { '200': { description: 'A new access_token (and a new refresh_token near the end of the old one\'s life)', ...json(tokens) }, '401': { description: 'Bad or revoked refresh token', ...json(coreError) } },
  },
  coreLogout: {
    tags: [AUTH_TAG],
    summary: 'Log out: revokes the access and refresh token of the login (GET, as YAOH sends it, or POST)',
    responses: { '200': { description: 'Revoked', ...json({ type: 'object' }) }, '401': { description: 'Bad token', ...json(coreError) } },
  },
  gatewayLogin: {
    tags: [AUTH_TAG],
    summary: 'Gateway login: a BroadWorks username and password give a sessionid cookie and the caller\'s ids and profile',
    security: [],
    requestBody: {
      required: true,
      ...json(
        {
          type: 'object',
          required: ['username', 'password'],
          properties: { username: { type: 'string', minLength: 1, maxLength: 200 }, password: { type: 'string', minLength: 1, maxLength: 200, format: 'password' } },
        },
        { username: 'admin', password: 'admin' },
      ),
    },
    responses: {
      '200': { description: 'Logged in: {ids, profile} and a Set-Cookie: sessionid', ...json({ type: 'object', properties: { ids: { type: 'object' }, profile: { type: 'object' } } }) },
      '400': { description: 'Invalid body', ...json({ $ref: '#/components/schemas/Error' }) },
      '401': { description: 'Wrong username or password (the same answer for both)', ...json({ $ref: '#/components/schemas/Error' }) },
      '429': { description: 'Too many login attempts from this address; see Retry-After', ...json({ $ref: '#/components/schemas/Error' }) },
    },
  },
  gatewayLogout: {
    tags: [AUTH_TAG],
    summary: 'Gateway logout: ends the sessionid cookie\'s session',
    security: [],
    responses: { '200': { description: 'Logged out: {}', ...json({ type: 'object' }) } },
  },
};
