// The layer rules are only worth something if a wrong import fails `npm run lint`: each case drops
// a one-line probe file into the layer it tests, runs the same command, and removes the probe.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let probe: string | null = null;

afterEach(() => {
  if (probe) fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  probe = null;
});

function lintWithProbe(folder: string, source: string) {
  const dir = fs.mkdtempSync(path.join(root, folder, "layer-probe-"));
  probe = path.join(dir, "probe.ts");
  fs.writeFileSync(probe, source);
  const relative = path.relative(root, probe);
  const result = spawnSync(
    "node_modules/.bin/depcruise",
    ["--config", ".dependency-cruiser.cjs", "--output-type", "err", relative],
    { cwd: root, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("layer rules in npm run lint", () => {
  it.each([
    ["lib/analysis", 'import { db } from "@/lib/db/client";\nexport const x = db;\n', "analysis-is-pure"],
    [
      "lib/db",
      'import { renderMessage } from "@/lib/alerts/notify/messages";\nexport const x = renderMessage;\n',
      "db-below",
    ],
    ["lib/db", 'import type { Session } from "../../auth/user-session";\nexport type X = Session;\n', "db-below"],
    ["components", 'import type { Db } from "@/lib/db/client";\nexport type X = Db;\n', "ui-reads-contracts"],
    ["lib/aws", 'import { db } from "@/lib/db/client";\nexport const x = db;\n', "aws-gateways-do-not-store"],
    [
      "lib/collector",
      'import { startSimulator } from "@/lib/simulator";\nexport const x = startSimulator;\n',
      "collector-does-not-know",
    ],
    [
      "lib/alerts",
      'import { startSimulator } from "@/lib/simulator";\nexport const x = startSimulator;\n',
      "simulator-only",
    ],
  ])("refuses an import from %s that points the wrong way", (folder, source, rule) => {
    const { status, output } = lintWithProbe(folder, source);
    expect(output).toContain(rule);
    expect(status).not.toBe(0);
  });

  it("accepts an import that points down", () => {
    const { status, output } = lintWithProbe(
      "lib/db",
      'import { DAY_MS } from "@/lib/analysis/time";\nexport const x = DAY_MS;\n',
    );
    expect(output).not.toContain("error");
    expect(status).toBe(0);
  });
});
