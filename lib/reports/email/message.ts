import { reportCsv } from "../csv";
import { digestNotice } from "../digest";
import { reportCsvFileName } from "../paths";
import type { ReportView } from "../view";

export interface ReportEmailMessage {
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; content: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail of one published report: the digest's headline figures with a link to the full
 * report, as HTML and as plain text, and the report's CSV attached.
 */
export function reportEmailMessage(view: ReportView, reportId: string, url: string): ReportEmailMessage {
  const notice = digestNotice(view, reportId, url);
  const lines = notice.summary.split("\n");
  const text = [notice.title, "", ...lines, "", `Full report: ${url}`, "The figures are attached as CSV.", ""].join(
    "\n",
  );
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<h1 style="font-size: 1.25em">${escapeHtml(notice.title)}</h1>`,
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    `<p><a href="${escapeHtml(url)}">Open the full report</a> · the figures are attached as CSV.</p>`,
    "</body></html>",
  ].join("\n");
  return {
    subject: notice.title,
    html,
    text,
    attachment: { filename: reportCsvFileName(view.week, view.team), content: reportCsv(view) },
  };
}
