import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { reportActions } from "@/lib/reports/actions";
import { loadReportView } from "@/lib/reports/load";
import { refreshReports } from "@/lib/reports/refresh";
import { seedReportFleet } from "./support/seed";

const { USER, PASSWORD } = vi.hoisted(() => {
  // The refresh reads the SMTP sign-in from the environment, validated once per process, as in production.
  const credentials = { USER: "reports@fleet.example.com", PASSWORD: "s3cret-smtp-pass" };
  process.env.IMAGEFLEET_SMTP_USER = credentials.USER;
  process.env.IMAGEFLEET_SMTP_PASSWORD = credentials.PASSWORD;
  return credentials;
});
const W49_CLOSED = new Date("2026-12-08T00:00:00Z");

interface Arrived {
  from: string;
  to: string[];
  mail: ParsedMail;
}

const arrived: Arrived[] = [];
let refusing = true;
let server: SMTPServer;

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split("\r\n");
  const columns = header!.split(",");
  return rows.map((row) => Object.fromEntries(row.split(",").map((cell, i) => [columns[i], cell])));
}

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          arrived.push({
            from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address).sort(),
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  await seedReportFleet(db, W49_CLOSED);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const config = () =>
  configSchema.parse({
    alerts: { publicBaseUrl: "https://fleet.example.com" },
    reports: {
      email: {
        host: "127.0.0.1",
        port: (server.server.address() as AddressInfo).port,
        tls: "none",
        from: "ImageFleet <reports@fleet.example.com>",
      },
      recipients: [
        { team: "media", to: ["lead@media.example.com", "ops@media.example.com"] },
        { team: "payments", to: ["lead@payments.example.com"] },
        { team: "nobody-owns-this", to: ["lost@example.com"] },
      ],
    },
  });

describe("weekly report e-mails through a real SMTP server", () => {
  it("queues each team's e-mail when the week is published and retries a refusal with backoff", async () => {
    const { published } = await refreshReports(W49_CLOSED, config());
    expect(published.map((r) => r.team)).toContain("media");
    expect(arrived).toEqual([]);
    const rows = await db.reportEmail.findMany({ orderBy: { team: "asc" } });
    expect(rows.map((r) => [r.team, r.status, r.attempts])).toEqual([
      ["media", "pending", 1],
      ["payments", "pending", 1],
    ]);
    for (const row of rows) {
      expect(row.lastError).toContain("451");
      expect(row.lastError).not.toContain(PASSWORD);
      expect(row.nextAttemptAt!.getTime()).toBe(W49_CLOSED.getTime() + 30_000);
    }
    // Not due yet: nothing is attempted before the backoff has passed.
    await refreshReports(new Date(W49_CLOSED.getTime() + 10_000), config());
    expect((await db.reportEmail.findMany()).map((r) => r.attempts)).toEqual([1, 1]);
  });

  it("delivers on the retry: recipients, subject, both bodies and the team's CSV", async () => {
    refusing = false;
    await refreshReports(new Date(W49_CLOSED.getTime() + 31_000), config());
    expect((await db.reportEmail.findMany()).map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(arrived.map((a) => a.to)).toEqual(
      expect.arrayContaining([["lead@media.example.com", "ops@media.example.com"], ["lead@payments.example.com"]]),
    );
    expect(arrived).toHaveLength(2);

    const media = arrived.find((a) => a.to.includes("lead@media.example.com"))!;
    const view = (await loadReportView("2026-W49", "media", { db }))!;
    const url = "https://fleet.example.com/reports/2026-W49?team=media";
    expect(media.from).toBe("reports@fleet.example.com");
    expect(media.mail.subject).toBe("Weekly report 2026-W49, team media");
    expect(media.mail.text).toContain("Weekly report 2026-W49, team media");
    expect(media.mail.text).toContain(`Full report: ${url}`);
    expect(media.mail.text).toContain("Cold starts");
    expect(media.mail.html).toContain(`<a href="${url}">`);
    expect(media.mail.html).toContain("Cold starts");
    const actions = reportActions(view.figures, view);
    expect(actions.length).toBeGreaterThan(0);
    actions.forEach((action, i) => {
      expect(media.mail.text).toContain(`${i + 1}. ${action.text}: https://fleet.example.com${action.href}`);
      expect(media.mail.html).toContain(`<a href="https://fleet.example.com${action.href.replaceAll("&", "&amp;")}">`);
    });
    expect(media.mail.attachments).toHaveLength(1);
    const [csv] = media.mail.attachments;
    expect(csv!.filename).toBe("imagefleet-report-2026-W49-media.csv");
    expect(csv!.contentType).toBe("text/csv");
    const rows = parseCsv(csv!.content.toString("utf8"));
    expect(new Set(rows.filter((r) => r.section !== "collection").map((r) => r.team))).toEqual(new Set(["media"]));
    expect(rows.find((r) => r.metric === "coldStarts")?.value).toBe(String(view.figures.coldStarts.coldStarts));
    expect(rows.find((r) => r.metric === "functions")?.value).toBe(String(view.figures.inventory.functions));
  });

  it("never sends a published week's e-mail twice", async () => {
    await refreshReports(new Date(W49_CLOSED.getTime() + 3_600_000), config());
    expect(arrived).toHaveLength(2);
    expect(await db.reportEmail.count()).toBe(2);
  });
});
