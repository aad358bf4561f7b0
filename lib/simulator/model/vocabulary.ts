/** Words the fleet's names, tags and descriptions are made of. */

export const TEAMS: readonly { team: string; domains: readonly string[] }[] = [
  { team: "payments", domains: ["payments", "billing", "ledger", "refunds", "invoice", "tax"] },
  { team: "commerce", domains: ["orders", "cart", "checkout", "pricing", "catalog", "inventory"] },
  { team: "platform", domains: ["auth", "audit", "config", "gateway", "secrets", "scheduler"] },
  { team: "data", domains: ["ingest", "etl", "warehouse", "analytics", "export", "reports"] },
  { team: "growth", domains: ["email", "sms", "campaigns", "recommendations", "referrals"] },
  { team: "search", domains: ["search", "geo", "suggest", "ranking"] },
  { team: "media", domains: ["media", "thumbnails", "video", "documents"] },
  { team: "risk", domains: ["fraud", "kyc", "sanctions", "disputes"] },
  { team: "logistics", domains: ["shipping", "tracking", "returns", "fulfilment"] },
];

export const COMPONENTS = [
  "api",
  "worker",
  "consumer",
  "processor",
  "sync",
  "webhook",
  "scheduler",
  "handler",
  "stream",
  "indexer",
  "notifier",
  "validator",
  "exporter",
  "importer",
  "resizer",
  "aggregator",
] as const;

export const ENVIRONMENTS: readonly (readonly [string, number])[] = [
  ["prod", 55],
  ["staging", 25],
  ["dev", 15],
  ["qa", 5],
];

export const VULNERABLE_PACKAGES: Record<string, readonly string[]> = {
  os: [
    "openssl",
    "glibc",
    "expat",
    "libcurl",
    "sqlite-libs",
    "zlib",
    "krb5-libs",
    "libxml2",
    "ncurses",
    "systemd-libs",
  ],
  python: ["urllib3", "requests", "cryptography", "jinja2", "pyyaml", "setuptools", "certifi", "idna"],
  nodejs: ["semver", "axios", "tough-cookie", "word-wrap", "lodash", "undici", "cross-spawn", "braces"],
  java: ["jackson-databind", "netty-codec-http", "log4j-core", "snakeyaml", "commons-compress", "guava"],
  dotnet: ["System.Text.Json", "Newtonsoft.Json", "System.Net.Http", "Microsoft.Data.SqlClient"],
  provided: ["libgcc", "libstdc++", "ca-certificates"],
  ruby: ["nokogiri", "rack", "rexml", "net-imap"],
};
