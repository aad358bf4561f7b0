import { z } from "zod";

export const SimulatorOptionsSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(0).max(65_535).default(0),
  seed: z.number().int().default(7),
  functions: z.number().int().min(1).max(100_000).default(500),
  /** Simulated seconds per real second; 0 freezes the clock. */
  speed: z.number().min(0).default(1),
  /** Multiplier on every API quota; 0 or Infinity disables throttling. */
  quotaScale: z.number().min(0).default(1),
  idleThresholdDays: z.number().positive().max(365).default(14),
  /** Simulated "now" at start; history covers the 30 days before it. Default: real now. */
  startTime: z.union([z.date(), z.number()]).optional(),
});

export type SimulatorOptions = z.input<typeof SimulatorOptionsSchema>;
export type ResolvedSimulatorOptions = z.output<typeof SimulatorOptionsSchema>;

/** Validates options, naming the offending field in the error. */
export function resolveOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  const parsed = SimulatorOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid simulator option ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
}
