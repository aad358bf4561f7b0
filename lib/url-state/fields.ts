// Field schemas shared by the URL state (nuqs parsers) and the JSON API (zod query schemas), so a
// value the page accepts is exactly a value the API accepts.
import { z } from "zod";
import { FunctionState, PackageType } from "@/lib/analysis/types";
import { ARCHITECTURES } from "@/lib/contracts/functions-query";

export const PACKAGE_TYPES = [PackageType.Image, PackageType.Zip] as const;
export const FUNCTION_STATES = Object.values(FunctionState);

export const accountIdField = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
export const regionField = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must be an AWS region like eu-west-1");
export const packageTypeField = z.enum(PACKAGE_TYPES);
export const stateField = z.enum(FUNCTION_STATES);
export const architectureField = z.enum(ARCHITECTURES);

/** No control characters: no name or search needs them, and PostgreSQL cannot store NUL. */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/** Free text from a user: trimmed, not empty, printable. */
export function textField(max: number) {
  return z.string().trim().min(1).max(max).regex(NO_CONTROL_CHARACTERS, "must not contain control characters");
}

export const teamField = textField(100);
export const searchField = textField(200);

/** Instants both databases hold (PostgreSQL has no year 0): the years 1970 to 9999 are plenty. */
function inStorableYears(value: string): boolean {
  const ms = Date.parse(value);
  // Not a date at all: the format check says so.
  return Number.isNaN(ms) || (ms >= Date.UTC(1970, 0, 1) && ms < Date.UTC(10_000, 0, 1));
}

export const isoDateTimeField = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .refine(inStorableYears, "must be in the years 1970 to 9999");

/** Integer from a query-string value, within bounds. */
export function intField(min: number, max: number) {
  return z.coerce.number().int("must be a whole number").min(min).max(max);
}

/** Lambda function names: letters, digits, hyphens and underscores, at most 64. */
export const functionNameField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a Lambda function name");

/** The path of one function's page and API resource. */
export const functionPathSchema = z.object({ account: accountIdField, region: regionField, name: functionNameField });
