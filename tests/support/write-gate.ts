// The test side of the write gate (lib/db/writes/write-gate.ts): a directory in which the
// collector's poll unit writes, their transactions open, announce themselves and wait to commit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { until } from "./collector-process";
import type { GroupProcess } from "./process-group";

export class WriteGate {
  /** For IMAGEFLEET_TEST_WRITE_GATE. */
  readonly directory = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-write-gate-"));

  /** Poll runs whose write waits at the gate, its transaction open. */
  open(): string[] {
    return fs
      .readdirSync(this.directory)
      .filter((name) => name.endsWith(".open") && !fs.existsSync(this.file(name.replace(/\.open$/, ""), "commit")))
      .map((name) => name.replace(/\.open$/, ""));
  }

  commit(pollRunId: string): void {
    fs.writeFileSync(this.file(pollRunId, "commit"), "");
  }

  /** Lets every write waiting now commit. */
  commitAll(): void {
    for (const pollRunId of this.open()) this.commit(pollRunId);
  }

  /**
   * Lets writes commit as they come until `ready` (given how many did) holds when one arrives,
   * and returns that one's poll run, its write held open.
   */
  holdWhen(what: string, ready: (committed: number) => boolean, collector: GroupProcess): Promise<string> {
    let committed = 0;
    return until(
      what,
      () => {
        if (collector.child.exitCode !== null || collector.child.signalCode)
          throw new Error(`${collector.label} exited on its own`);
        for (const pollRunId of this.open()) {
          if (ready(committed)) return pollRunId;
          this.commit(pollRunId);
          committed++;
        }
        return null;
      },
      120_000,
    );
  }

  /** Lets `units` writes commit and holds the next one open. */
  holdAfter(units: number, collector: GroupProcess): Promise<string> {
    return this.holdWhen(`${units} unit writes and the next one`, (committed) => committed >= units, collector);
  }

  /** A write whose process was killed: no longer waiting. */
  forget(pollRunId: string): void {
    fs.rmSync(this.file(pollRunId, "open"), { force: true });
  }

  remove(): void {
    fs.rmSync(this.directory, { recursive: true, force: true });
  }

  private file(pollRunId: string, kind: "open" | "commit"): string {
    return path.join(this.directory, `${pollRunId}.${kind}`);
  }
}
