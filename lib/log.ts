import pino from "pino";

// Structured logs on stdout (JSON lines). LOG_LEVEL picks the level; tests stay quiet.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { app: "imagefleet" },
  redact: { paths: ["*.url", "*.webhookUrl", "*.secretAccessKey", "*.sessionToken"], censor: "[redacted]" },
});
