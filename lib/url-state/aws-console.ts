// Deep links into the AWS console. The console has no account in its URLs: the link opens in
// whatever account the browser is signed in to, so pages show the account id beside every link.

export function lambdaConsoleUrl(region: string, functionName: string): string {
  return `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(functionName)}`;
}

/** Cold starts and their init durations, newest first: what an on-call engineer looks for first. */
export const CONSOLE_COLD_START_QUERY = [
  "fields @timestamp, @requestId, @initDuration, @duration, @maxMemoryUsed",
  '| filter @type = "REPORT" and ispresent(@initDuration)',
  "| sort @timestamp desc",
  "| limit 200",
].join("\n");

/**
 * A Logs Insights link with the query, log group and absolute time window prefilled. The console
 * reads `queryDetail` in a JSURL-like notation (objects `~(key~value…)`, strings `'…`), which is
 * then escaped, URI-encoded and has `%` turned into `$`.
 */
export function logsInsightsUrl(input: {
  region: string;
  logGroup: string;
  from: Date;
  to: Date;
  query?: string;
}): string {
  const detail = jsurlObject([
    ["end", jsurlString(input.to.toISOString())],
    ["start", jsurlString(input.from.toISOString())],
    ["timeType", jsurlString("ABSOLUTE")],
    ["tz", jsurlString("UTC")],
    ["editorString", jsurlString(input.query ?? CONSOLE_COLD_START_QUERY)],
    ["isLiveTail", "false"],
    ["source", `(~${jsurlString(input.logGroup)})`],
  ]);
  const fragment = encodeURIComponent(`?queryDetail=${escapeJsurl(detail)}`).replace(/%/g, "$");
  return `https://${input.region}.console.aws.amazon.com/cloudwatch/home?region=${input.region}#logsV2:logs-insights${fragment}`;
}

/** Every character but letters, digits, `_`, `.` and `-` is written as `*XX` (UTF-8 bytes). */
function jsurlString(value: string): string {
  const percentEncoded = encodeURIComponent(value).replace(/[!'()*~]/g, (c) => `%${hex(c)}`);
  return `'${percentEncoded.replace(/%/g, "*")}`;
}

function jsurlObject(entries: [string, string][]): string {
  return `~(${entries.map(([key, value]) => `${key}~${value}`).join("~")})`;
}

/** What JavaScript's legacy `escape()` does to the characters a JSURL string can contain. */
function escapeJsurl(value: string): string {
  return value.replace(/[~()'!]/g, (c) => `%${hex(c)}`);
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase();
}
