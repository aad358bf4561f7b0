import { describe, expect, it } from "vitest";
import { runtimeFromBaseImage } from "@/lib/analysis/runtimes";
import { defaultGalleryImages, galleryImageOf, releaseTagDate } from "./runtimes";

describe("galleryImageOf", () => {
  it("is the inverse of runtimeFromBaseImage for every runtime of the table", () => {
    const images = defaultGalleryImages();
    expect(images.length).toBeGreaterThan(20);
    for (const image of images) {
      expect(runtimeFromBaseImage(`public.ecr.aws/${image.repository}:${image.tagPrefix}`)).toBe(image.runtime);
    }
  });

  it("names the repository and tag prefix", () => {
    expect(galleryImageOf("python3.12")).toEqual({
      runtime: "python3.12",
      repository: "lambda/python",
      tagPrefix: "3.12",
    });
    expect(galleryImageOf("nodejs22.x")).toMatchObject({ repository: "lambda/nodejs", tagPrefix: "22" });
    expect(galleryImageOf("provided.al2023")).toMatchObject({ repository: "lambda/provided", tagPrefix: "al2023" });
    expect(galleryImageOf("java8.al2")).toMatchObject({ repository: "lambda/java", tagPrefix: "8.al2" });
    expect(galleryImageOf("cobol1")).toBeNull();
  });
});

describe("releaseTagDate", () => {
  const python = galleryImageOf("python3.12")!;

  it("reads the date of a dated release tag", () => {
    expect(releaseTagDate(python, "3.12.2026.11.20.10")).toEqual(new Date("2026-11-20T10:00:00Z"));
  });

  it("ignores moving tags, architecture tags and other runtimes", () => {
    for (const tag of ["3.12", "latest", "3.12.2026.11.20.10-arm64", "3.11.2026.11.20.10", "3.12.2026.13.45.10"]) {
      expect(releaseTagDate(python, tag)).toBeNull();
    }
  });
});
