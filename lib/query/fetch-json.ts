/** GET a JSON endpoint; a failure throws the API's own message (which names the bad field or what failed). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `${url.split("?")[0]} answered ${response.status}`);
}

/** POST JSON to an endpoint; a failure throws the API's own message. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(answer?.error?.message ?? `The server answered ${response.status}`);
  return answer as T;
}
