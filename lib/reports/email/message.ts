import { reportActions } from "../actions";
import { reportCsv } from "../csv";
import { digestNotice } from "../digest";
import { reportCsvFileName, reportPath } from "../paths";
import type { ReportView } from "../view";

export interface ReportEmailMessage {
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; content: string };
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);

/**
 * The e-mail of one published report: the week's actions with links, the digest's headline
 * figures and a link to the full report, as HTML and as plain text, and the report's CSV attached.
 * `base` is ImageFleet's public address, links are made absolute with it.
 */
export function reportEmailMessage(view: ReportView, reportId: string, base: string): ReportEmailMessage {
  const url = `${base}${reportPath(view.week, view.team)}`;
  const notice = digestNotice(view, reportId, url);
  const lines = notice.summary.split("\n");
  const actions = reportActions(view.figures, view);
  const text = [
    notice.title,
    "",
    ...(actions.length > 0 ? ["Actions:", ...actions.map((a, i) => `${i + 1}. ${a.text}: ${base}${a.href}`), ""] : []),
    ...lines,
    "",
    `Full report: ${url}`,
    "The figures are attached as CSV.",
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<h1 style="font-size: 1.25em">${escapeHtml(notice.title)}</h1>`,
    ...(actions.length > 0
      ? [
          '<h2 style="font-size: 1.1em">Actions</h2>',
          `<ol>${actions.map((a) => `<li><a href="${escapeHtml(`${base}${a.href}`)}">${escapeHtml(a.text)}</a></li>`).join("")}</ol>`,
        ]
      : []),
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
