// A real OpenID provider (oidc-provider) on a loopback port for the sign-in tests: one client for
// ImageFleet, a handful of users with groups, and its development login form ("any password").
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const TEST_CLIENT = { clientId: "imagefleet", clientSecret: "test-client-secret-that-is-long-enough" };

export const TEST_USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  vera: { name: "Vera Viewer", email: "vera@example.test", groups: ["fleet-viewers"] },
  ada: { name: "Ada Admin", email: "ada@example.test", groups: ["fleet-viewers", "fleet-admins"] },
  otto: { name: "Otto Outsider", email: "otto@example.test", groups: ["marketing"] },
  sam: { name: "Sam Scoped", email: "sam@example.test", groups: ["fleet-viewers", "team-payments"] },
  bill: { name: "Bill Billing", email: "bill@example.test", groups: ["fleet-viewers", "team-billing"] },
  rita: { name: "Rita Restricted", email: "rita@example.test", groups: ["fleet-admins", "team-payments"] },
};

/** The auth section of an ImageFleet configuration that signs in against this provider. */
export function authConfigFor(issuer: string) {
  return {
    oidc: {
      issuer,
      clientId: TEST_CLIENT.clientId,
      clientSecret: TEST_CLIENT.clientSecret,
      adminGroups: ["fleet-admins"],
      viewerGroups: ["fleet-viewers"],
      restrictions: [
        { group: "team-payments", accounts: ["111111111111"], teams: ["payments"] },
        { group: "team-billing", teams: ["billing"] },
      ],
    },
    sessionSecret: "test-session-secret-0123456789abcdef",
  };
}

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  port?: number;
  /** Origins of the ImageFleet servers that sign in here. */
  clientOrigins: string[];
}): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        grant_types: ["authorization_code", "refresh_token"],
        redirect_uris: options.clientOrigins.map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: options.clientOrigins.map((origin) => `${origin}/auth/signed-out`),
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "groups"], email: ["email"] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = TEST_USERS[id];
      return user && { accountId: id, claims: () => ({ sub: id, ...user }) };
    },
    // Company providers do not ask employees to consent to internal tools; neither does this one.
    loadExistingGrant: async (ctx: ExistingGrantContext) => {
      const { client, session, provider: self } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return self.Grant.find(grantId);
      const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["test-provider-cookie-key"] },
    // As company providers configured for it do, without asking for offline_access: ImageFleet
    // re-reads the user's groups with it.
    issueRefreshToken: async () => true,
  });
  // Its built-in pages load a web font; the tests must not reach the internet.
  provider.use(async (ctx, next) => {
    await next();
    if (typeof ctx.body === "string") ctx.body = ctx.body.replace(/@import url\([^)]*\);/g, "");
  });
  server.on("request", provider.callback());

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ExistingGrantContext {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: { Grant: GrantClass };
  };
}

interface GrantClass {
  new (init: { clientId: string; accountId: string }): { addOIDCScope(scope: string): void; save(): Promise<string> };
  find(id: string): Promise<unknown>;
}
