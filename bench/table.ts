export interface Goal {
  op: "<=" | ">=";
  target: number;
  /** What the goal is about: the value itself, or the row's ratio. */
  on: "value" | "ratio";
}

export interface Row {
  section: string;
  metric: string;
  value: number;
  unit: string;
  /** A comparison that explains the value: measured ÷ bound, naive ÷ collector, measured ÷ budget. */
  ratio?: number;
  goal?: Goal;
  note?: string;
}

export type Status = "pass" | "miss" | "info";

export function statusOf(row: Row): Status {
  if (!row.goal) return "info";
  const subject = row.goal.on === "ratio" ? row.ratio : row.value;
  if (subject === undefined || Number.isNaN(subject)) return "miss";
  return (row.goal.op === "<=" ? subject <= row.goal.target : subject >= row.goal.target) ? "pass" : "miss";
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "n/a";
  if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(1);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatGoal(row: Row): string {
  if (!row.goal) return "";
  const op = row.goal.op === "<=" ? "≤" : "≥";
  const subject = row.goal.on === "ratio" ? "ratio " : "";
  const unit = row.goal.on === "value" && row.unit ? ` ${row.unit}` : "";
  return `${subject}${op} ${formatNumber(row.goal.target)}${unit}`;
}

/** The whole run as one aligned table, a section heading before each group. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["metric", "value", "goal", "ratio", "result"];
  const lines: string[][] = [];
  let section = "";
  const headings = new Map<number, string>();
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      headings.set(lines.length, section);
    }
    lines.push([
      `  ${row.metric}`,
      `${formatNumber(row.value)}${row.unit ? ` ${row.unit}` : ""}`,
      formatGoal(row),
      row.ratio === undefined ? "" : formatNumber(row.ratio),
      statusOf(row),
    ]);
  }
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const out = [render(header), widths.map((w) => "─".repeat(w)).join("  ")];
  lines.forEach((line, i) => {
    const heading = headings.get(i);
    if (heading) out.push(heading);
    out.push(render(line));
  });
  return out.join("\n");
}
