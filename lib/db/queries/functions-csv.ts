import type { FunctionRow } from "@/lib/contracts/functions";
import "server-only";
import type { FunctionsFilter } from "@/lib/contracts/functions-query";
import { allFunctions, type ReadOptions } from "./functions";

const COLUMNS: [string, (row: FunctionRow) => string | number | null][] = [
  ["account_id", (r) => r.accountId],
  ["account_name", (r) => r.accountName],
  ["region", (r) => r.region],
  ["function_name", (r) => r.name],
  ["package_type", (r) => r.packageType],
  ["state", (r) => r.state],
  ["state_reason_code", (r) => r.stateReasonCode],
  ["team", (r) => r.team],
  ["image_uri", (r) => r.imageUri],
  ["image_digest", (r) => r.imageDigest],
  ["image_pushed_at", (r) => r.imagePushedAt],
  ["architecture", (r) => r.architecture],
  ["memory_mb", (r) => r.memoryMb],
  ["last_invoked_at", (r) => r.lastInvokedAt],
  ["idle_days", (r) => r.idleDays.toFixed(2)],
  ["invocations", (r) => r.invocations],
  ["cold_starts", (r) => r.coldStarts],
  ["cold_start_rate", (r) => (r.coldStartRate === null ? null : r.coldStartRate.toFixed(4))],
  ["init_p95_ms", (r) => r.initP95Ms],
  ["deleted_at", (r) => r.deletedAt],
];

/** RFC 4180 quoting; a leading formula character is defused so spreadsheets show the text, not run it. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value.replace(/^[=+\-@]/, "'$&");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(values: (string | number | null)[]): string {
  return `${values.map(cell).join(",")}\r\n`;
}

/** The whole filtered fleet as CSV, streamed batch by batch so 20,000 rows never sit in memory at once. */
export function functionsCsv(filter: FunctionsFilter, options: ReadOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = allFunctions(filter, options);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(line(COLUMNS.map(([name]) => name))));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => line(COLUMNS.map(([, get]) => get(row)))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
