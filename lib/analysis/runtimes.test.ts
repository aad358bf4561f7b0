import { describe, expect, it } from "vitest";
import { RUNTIMES, runtimeFromBaseImage, runtimeInfo, runtimeStatus } from "./runtimes";

describe("runtime table", () => {
  it("has unique ids and valid ISO dates", () => {
    expect(new Set(RUNTIMES.map((r) => r.id)).size).toBe(RUNTIMES.length);
    for (const runtime of RUNTIMES) {
      for (const date of [runtime.deprecatedOn, runtime.blockCreateOn, runtime.blockUpdateOn]) {
        if (date !== undefined) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }
    }
  });

  it("covers the runtimes the fleet can run", () => {
    const ids = [
      ...["12", "14", "16", "18", "20", "22"].map((v) => `nodejs${v}.x`),
      ...["7", "8", "9", "10", "11", "12", "13"].map((v) => `python3.${v}`),
      ...["java8", "java8.al2", "java11", "java17", "java21", "dotnet6", "dotnet8"],
      ...["ruby2.7", "ruby3.2", "ruby3.3", "go1.x", "provided", "provided.al2", "provided.al2023"],
    ];
    for (const id of ids) expect(runtimeInfo(id), id).not.toBeNull();
    expect(runtimeInfo("cobol1")).toBeNull();
  });

  it.each([
    ["python3.8", "2024-10-14"],
    ["nodejs16.x", "2024-06-12"],
    ["python3.9", "2025-12-15"],
    ["nodejs18.x", "2025-09-01"],
    ["java8", "2024-01-08"],
    ["go1.x", "2024-01-08"],
    ["provided", "2024-01-08"],
    ["dotnet6", "2024-12-20"],
    ["ruby3.2", "2026-03-31"],
  ])("%s is deprecated on %s", (id, date) => {
    expect(runtimeInfo(id)?.deprecatedOn).toBe(date);
  });
});

describe("runtimeStatus", () => {
  it("is deprecated from the deprecation date's midnight UTC on", () => {
    expect(runtimeStatus("nodejs18.x", new Date("2025-09-01T00:00:00Z"))).toEqual({
      known: true,
      deprecated: true,
      deprecatedOn: new Date("2025-09-01T00:00:00Z"),
    });
    expect(runtimeStatus("nodejs18.x", new Date("2025-08-31T23:59:59Z"))).toEqual({
      known: true,
      deprecated: false,
      deprecatedOn: new Date("2025-09-01T00:00:00Z"),
      daysUntilDeprecation: 1,
    });
  });

  it("counts whole days left, rounded up", () => {
    expect(runtimeStatus("python3.12", new Date("2028-09-01T00:00:00Z")).daysUntilDeprecation).toBe(60);
    expect(runtimeStatus("python3.12", new Date("2028-09-01T00:00:01Z")).daysUntilDeprecation).toBe(60);
    expect(runtimeStatus("python3.12", new Date("2028-08-31T23:59:59Z")).daysUntilDeprecation).toBe(61);
  });

  it("claims nothing without a date", () => {
    expect(runtimeStatus("provided.al2", new Date("2030-01-01T00:00:00Z"))).toEqual({ known: true, deprecated: false });
    expect(runtimeStatus("rust1", new Date("2030-01-01T00:00:00Z"))).toEqual({ known: false, deprecated: false });
  });
});

describe("runtimeFromBaseImage", () => {
  it.each([
    ["public.ecr.aws/lambda/python:3.12", "python3.12"],
    ["public.ecr.aws/lambda/python:3.12.2026.11.20.10-x86_64", "python3.12"],
    ["public.ecr.aws/lambda/nodejs:20", "nodejs20.x"],
    ["public.ecr.aws/lambda/nodejs:22-arm64", "nodejs22.x"],
    ["public.ecr.aws/lambda/java:21", "java21"],
    ["public.ecr.aws/lambda/java:8", "java8"],
    ["public.ecr.aws/lambda/java:8.al2", "java8.al2"],
    ["public.ecr.aws/lambda/java:8.al2.2024.11.20.12", "java8.al2"],
    ["public.ecr.aws/lambda/provided:al2023", "provided.al2023"],
    ["public.ecr.aws/lambda/provided:al2", "provided.al2"],
    ["public.ecr.aws/lambda/provided:alami", "provided"],
    ["public.ecr.aws/lambda/dotnet:8", "dotnet8"],
    ["public.ecr.aws/lambda/ruby:3.3", "ruby3.3"],
    ["public.ecr.aws/lambda/go:1", "go1.x"],
    ["amazon/aws-lambda-python:3.11", "python3.11"],
    ["docker.io/amazon/aws-lambda-nodejs:18", "nodejs18.x"],
  ])("%s → %s", (reference, runtime) => {
    expect(runtimeFromBaseImage(reference)).toBe(runtime);
  });

  it.each([
    "public.ecr.aws/lambda/python:latest",
    "public.ecr.aws/lambda/python:3",
    "public.ecr.aws/lambda/python@sha256:abc",
    "public.ecr.aws/lambda/go:2",
    "public.ecr.aws/lambda/provided:latest",
    "public.ecr.aws/lambda/cobol:1",
    "python:3.12-slim",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/lambda/python:3.12",
  ])("%s → null", (reference) => {
    expect(runtimeFromBaseImage(reference)).toBeNull();
  });
});
