// Next.js calls register() once per server process before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/server/boot")).bootOrExit();
}
