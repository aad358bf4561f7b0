import pino from "pino";
import { appEnv } from "@/lib/config/env";

// Structured logs on stdout (JSON lines). LOG_LEVEL picks the level; tests stay quiet.
export const log = pino({
  level: appEnv().LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { app: "imagefleet" },
  redact: { paths: ["*.url", "*.webhookUrl", "*.secretAccessKey", "*.sessionToken"], censor: "[redacted]" },
});
