// Field schemas shared by the URL state (nuqs parsers) and the JSON API (zod query schemas), so a
// value the page accepts is exactly a value the API accepts.
import { z } from "zod";
import { FunctionState, PackageType } from "@/lib/analysis/types";

export const PACKAGE_TYPES = [PackageType.Image, PackageType.Zip] as const;
export const FUNCTION_STATES = Object.values(FunctionState);
export const ARCHITECTURES = ["x86_64", "arm64"] as const;

export const accountIdField = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
export const regionField = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must be an AWS region like eu-west-1");
export const packageTypeField = z.enum(PACKAGE_TYPES);
export const stateField = z.enum(FUNCTION_STATES);
export const architectureField = z.enum(ARCHITECTURES);
export const teamField = z.string().trim().min(1).max(100);
export const searchField = z.string().trim().min(1).max(200);
export const isoDateTimeField = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" });

/** Integer from a query-string value, within bounds. */
export function intField(min: number, max: number) {
  return z.coerce.number().int("must be a whole number").min(min).max(max);
}

/** Lambda function names: letters, digits, hyphens and underscores, at most 64. */
export const functionNameField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a Lambda function name");

/** The path of one function's page and API resource. */
export const functionPathSchema = z.object({ account: accountIdField, region: regionField, name: functionNameField });
