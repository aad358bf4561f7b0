// The provider as openid-client sees it: discovered once per process and reused.
import * as client from "openid-client";
import type { OidcSettings } from "./settings";

const configurations = new Map<string, Promise<client.Configuration>>();

function discover(oidc: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(oidc.issuer);
  const authentication = oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None();
  // The configuration schema admits plain http only for a provider on loopback.
  const execute = issuer.protocol === "http:" ? [client.allowInsecureRequests] : [];
  return client.discovery(issuer, oidc.clientId, undefined, authentication, { execute, timeout: 10 });
}

export function oidcConfiguration(oidc: OidcSettings): Promise<client.Configuration> {
  const key = `${oidc.issuer} ${oidc.clientId}`;
  let configuration = configurations.get(key);
  if (!configuration) {
    configuration = discover(oidc);
    // A provider that was down must be asked again on the next sign-in.
    configuration.catch(() => configurations.delete(key));
    configurations.set(key, configuration);
  }
  return configuration;
}

/** The provider's RP-initiated logout URL, or null when it has no end-session endpoint. */
export async function endSessionUrl(oidc: OidcSettings, postLogoutRedirectUri: URL): Promise<URL | null> {
  const configuration = await oidcConfiguration(oidc);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(configuration, { post_logout_redirect_uri: postLogoutRedirectUri.href });
}
