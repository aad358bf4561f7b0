import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appEnv } from "@/lib/config/env";

/**
 * Test hook for the collector-process tests, a no-op unless IMAGEFLEET_TEST_WRITE_GATE names a
 * directory: then every poll unit's write, its statements done and its transaction still open,
 * announces itself there as `<pollRunId>.open` and commits only once `<pollRunId>.commit` exists.
 * With it a test brings the process to a chosen moment (a write open while other units' AWS calls
 * are in flight) and signals or kills it there, instead of sampling for a window of milliseconds.
 */
export async function passWriteGate(pollRunId: string): Promise<void> {
  const gate = appEnv().IMAGEFLEET_TEST_WRITE_GATE;
  if (!gate) return;
  fs.writeFileSync(path.join(gate, `${pollRunId}.open`), "");
  const commit = path.join(gate, `${pollRunId}.commit`);
  while (!fs.existsSync(commit)) await sleep(10);
}
