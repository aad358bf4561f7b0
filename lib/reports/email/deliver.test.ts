import { describe, expect, it } from "vitest";
import { smtpErrorText } from "./deliver";

describe("smtpErrorText", () => {
  it("keeps nodemailer's code and the server's reply", () => {
    const error = Object.assign(new Error("Message failed"), { code: "EENVELOPE", response: "451 Mailbox busy" });
    expect(smtpErrorText(error, null)).toBe("EENVELOPE 451 Mailbox busy");
  });

  it("cuts the password out of whatever the server echoed", () => {
    const error = Object.assign(new Error("Invalid login"), { code: "EAUTH", response: "535 bad password hunter2" });
    expect(smtpErrorText(error, "hunter2")).toBe("EAUTH 535 bad password ***");
  });

  it("falls back to the message when there is no reply", () => {
    expect(smtpErrorText(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }), "pw")).toBe(
      "ESOCKET connect ECONNREFUSED",
    );
  });
});
