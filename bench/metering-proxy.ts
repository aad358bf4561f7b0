import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback pass-through in front of the simulator that counts CloudWatch metrics requested:
 * the queries inside each GetMetricData call, which is what CloudWatch bills and what the
 * simulator's call counters cannot see.
 */
export class MeteringProxy {
  metricsRequested = 0;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly server = http.createServer((request, response) => this.forward(request, response));

  private constructor(private readonly upstream: URL) {}

  static async start(target: string): Promise<MeteringProxy> {
    const proxy = new MeteringProxy(new URL(target));
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.agent.destroy();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      if (String(request.headers["x-amz-target"] ?? "").endsWith(".GetMetricData")) {
        const { MetricDataQueries } = JSON.parse(body.toString("utf8")) as { MetricDataQueries?: unknown[] };
        this.metricsRequested += MetricDataQueries?.length ?? 0;
      }
      const upstream = http.request(
        {
          host: this.upstream.hostname,
          port: this.upstream.port,
          method: request.method,
          path: request.url,
          headers: request.headers,
          agent: this.agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on("error", () => response.destroy());
      // A client that gave up must not leave the upstream answer unread, holding a pooled socket.
      response.on("close", () => {
        if (!response.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  }
}
