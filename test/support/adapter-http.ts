// Plain fetch helpers for tests that drive a real adapter process: every call bounded in time,
// answers read as JSON. The process itself comes from processes.ts.
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

export async function call(baseUrl: string, method: string, path: string, options: { bearer?: string; cookie?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      ...(options.bearer && { Authorization: `Bearer ${options.bearer}` }),
      ...(options.cookie && { Cookie: options.cookie }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body, ms: performance.now() - started };
}

/** The demo system admin's access token (core login). */
export async function loginBearer(baseUrl: string): Promise<{ bearer: string; recordId?: string }> {
  const answer = await call(baseUrl, 'POST', '/api/v01/auth/login', { body: { username: 'admin', password: 'admin' } });
  if (answer.status !== 200) throw new Error(`login: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { bearer: String(answer.body.access_token), recordId: answer.body._internal_record_id as string | undefined };
}
