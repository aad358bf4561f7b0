// Walks a browser's way through the test provider with fetch: follows its redirects with a
// cookie jar and fills in its login form, until it sends the user back to ImageFleet.
const MAX_STEPS = 12;

export async function signInAtProvider(authorizationUrl: URL, login: string, clientOrigin: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      body: form,
      redirect: "manual",
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(";")[0]!.split(/=(.*)/s);
      jar.set(name!, value ?? "");
    }
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.origin === clientOrigin) return url;
      form = undefined;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 300)}`);
    url = new URL(action.replaceAll("&amp;", "&"), url);
    form = new URLSearchParams({ prompt: "login", login, password: "any password" });
  }
  throw new Error(`no redirect back to ${clientOrigin} after ${MAX_STEPS} steps`);
}
