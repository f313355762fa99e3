// The benchmark's credential. Once the adapter has a login route (POST /api/v01/auth/login), the
// bench logs in as the seed's demo admin and sends the bearer token; while the route answers 404
// the adapter has no authentication and nothing is sent.
export async function benchHeaders(baseUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/v01/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return {};
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const token = ['token', 'access_token', 'accessToken'].map((key) => body[key]).find((value) => typeof value === 'string');
  if (!response.ok || typeof token !== 'string') {
    throw new Error(`POST /api/v01/auth/login answered ${response.status} without a token: the bench cannot authenticate`);
  }
  return { authorization: `Bearer ${token}` };
}
