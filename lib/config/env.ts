// Every environment variable ImageFleet reads, in one validated schema with its default. A wrong
// value stops start-up with a message that names the variable, the same way a wrong field in the
// configuration file does. (The AWS SDK's own variables are the SDK's: they are read by it.)
import { z } from "zod";
import { ConfigError } from "./errors";

type RawEnv = Record<string, string | undefined>;

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().trim().optional());
const flag = z.preprocess(blankAsUnset, z.enum(["0", "1"], "must be 0 or 1").optional());
const positiveNumber = (fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number("must be a number").positive("must be a positive number").default(fallback),
  );
const port = z.preprocess(
  blankAsUnset,
  z.coerce.number("must be a port number").int("must be a port number").min(1).max(65_535).default(3000),
);

const envSchema = z
  .object({
    /** `file:path` for SQLite, `postgres://…` for PostgreSQL (checked by lib/db/url.ts). */
    DATABASE_URL: optionalText,
    HOST: z.preprocess(blankAsUnset, z.string().trim().default("127.0.0.1")),
    PORT: port,
    IMAGEFLEET_CONFIG: optionalText,
    LOG_LEVEL: z.preprocess(
      blankAsUnset,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be a pino level").optional(),
    ),
    /** `off`: this web server does not collect (collector workers do). */
    COLLECTOR: z.preprocess(blankAsUnset, z.enum(["on", "off"], "must be on or off").default("on")),
    /** 1 forces the built-in demo fleet, 0 forbids it; unset, it runs when nothing else is configured. */
    IMAGEFLEET_DEMO: flag,
    IMAGEFLEET_DEMO_FUNCTIONS: positiveNumber(500),
    IMAGEFLEET_DEMO_SPEED: positiveNumber(1),
    /** 1 allows serving without sign-in on a non-loopback address (read-only). */
    IMAGEFLEET_ALLOW_ANONYMOUS: flag,
    IMAGEFLEET_SESSION_SECRET: optionalText,
    IMAGEFLEET_OIDC_CLIENT_SECRET: optionalText,
    /** Sign-in for the SMTP server of `reports.email`; both or neither. */
    IMAGEFLEET_SMTP_USER: optionalText,
    IMAGEFLEET_SMTP_PASSWORD: optionalText,
    API_RATE_LIMIT_PER_MINUTE: positiveNumber(1200),
    /** Tests only: the directory in which poll unit writes wait to commit (lib/db/writes/write-gate.ts). */
    IMAGEFLEET_TEST_WRITE_GATE: optionalText,
  })
  .refine((env) => (env.IMAGEFLEET_SMTP_USER === undefined) === (env.IMAGEFLEET_SMTP_PASSWORD === undefined), {
    message: "set together with IMAGEFLEET_SMTP_USER, or neither",
    path: ["IMAGEFLEET_SMTP_PASSWORD"],
  });

export type AppEnv = z.output<typeof envSchema>;

/** Validates the environment; throws ConfigError naming each wrong variable. */
export function readEnv(env: RawEnv = process.env): AppEnv {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: AppEnv | undefined;

/** This process's environment, validated once (the environment does not change while it runs). */
export function appEnv(): AppEnv {
  cached ??= readEnv();
  return cached;
}
