import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type RepositoryImage } from "./lifecycle-policy";
import { DAY_MS } from "./time";

const NOW = new Date("2026-12-01T00:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const img = (digest: string, tags: string[], ageDays: number): RepositoryImage => ({
  digest,
  tags,
  pushedAt: daysAgo(ageDays),
});
const policy = (...rules: object[]) => parseLifecyclePolicy(JSON.stringify({ rules }));
const rule = (rulePriority: number, selection: object, description?: string) => ({
  rulePriority,
  ...(description ? { description } : {}),
  selection,
  action: { type: "expire" },
});

describe("evaluateLifecyclePolicy", () => {
  const repo = [
    img("p1", ["prod-5"], 1),
    img("p2", ["prod-4"], 2),
    img("p3", ["prod-3", "latest"], 3),
    img("d1", ["dev-9"], 4),
    img("u1", [], 5),
  ];

  it("sinceImagePushed: expires at push time + days", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(rule(1, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 })),
      repo,
      ["p1", "u1"],
    );
    expect(verdicts.get("p1")).toEqual({
      status: "expires",
      rulePriority: 1,
      rule: "expire any pushed over 7 days ago",
      expiresAt: new Date(daysAgo(1).getTime() + 7 * DAY_MS),
      pushesLeft: null,
    });
    expect(verdicts.get("u1")).toMatchObject({ expiresAt: new Date(daysAgo(5).getTime() + 7 * DAY_MS) });
  });

  it("imageCountMoreThan ranks the rule's selection newest first", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(
        rule(3, { tagStatus: "tagged", tagPrefixList: ["prod-"], countType: "imageCountMoreThan", countNumber: 3 }),
      ),
      repo,
      ["p1", "p3", "d1", "u1"],
    );
    expect(verdicts.get("p1")).toMatchObject({ status: "expires", rule: "keep last 3 tagged prod-*", pushesLeft: 3 });
    expect(verdicts.get("p3")).toMatchObject({ pushesLeft: 1 }); // the next prod push expires it
    expect(verdicts.get("d1")).toEqual({ status: "kept" });
    expect(verdicts.get("u1")).toEqual({ status: "kept" });
  });

  it("an image matching a higher rule's tagging is never expired by a lower rule, but is still counted", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(
        rule(1, { tagStatus: "tagged", tagPatternList: ["prod-*"], countType: "imageCountMoreThan", countNumber: 10 }),
        rule(2, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 4 }),
      ),
      repo,
      ["p3", "d1", "u1"],
    );
    expect(verdicts.get("p3")).toMatchObject({ rulePriority: 1, pushesLeft: 8 });
    // Rule 2 ranks all five images: d1 is fourth, u1 fifth (beyond the count).
    expect(verdicts.get("d1")).toMatchObject({ rulePriority: 2, pushesLeft: 1 });
    expect(verdicts.get("u1")).toMatchObject({ rulePriority: 2, pushesLeft: 0 });
  });

  it("rules apply in priority order whatever their order in the text", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(
        rule(20, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 }),
        rule(10, { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }),
      ),
      repo,
      ["u1", "p1"],
    );
    expect(verdicts.get("u1")).toMatchObject({ rulePriority: 10, pushesLeft: 1 });
    expect(verdicts.get("p1")).toMatchObject({ rulePriority: 20 });
  });

  it("every prefix or pattern must match one of the image's tags", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(
        rule(1, {
          tagStatus: "tagged",
          tagPatternList: ["prod-*", "lat?st", "latest"],
          countType: "imageCountMoreThan",
          countNumber: 1,
        }),
        rule(2, {
          tagStatus: "tagged",
          tagPrefixList: ["prod", "late"],
          countType: "imageCountMoreThan",
          countNumber: 5,
        }),
      ),
      repo,
      ["p1", "p3"],
    );
    // "lat?st" is literal (only * is a wildcard), so rule 1 selects nothing; rule 2 selects p3 only.
    expect(verdicts.get("p3")).toMatchObject({ rulePriority: 2, pushesLeft: 5 });
    expect(verdicts.get("p1")).toEqual({ status: "kept" });
  });

  it("reports shapes it does not evaluate instead of guessing", () => {
    const pulled = evaluateLifecyclePolicy(
      policy(
        rule(1, { tagStatus: "untagged", countType: "sinceImagePulled", countUnit: "days", countNumber: 3 }),
        rule(2, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 90 }),
      ),
      repo,
      ["u1", "p1"],
    );
    expect(pulled.get("u1")).toEqual({
      status: "cannot-evaluate",
      rulePriority: 1,
      reason: 'count type "sinceImagePulled" is not evaluated',
    });
    // The unsupported rule does not select tagged images, so the next rule still applies to them.
    expect(pulled.get("p1")).toMatchObject({ status: "expires", rulePriority: 2 });

    const archive = evaluateLifecyclePolicy(
      policy({
        rulePriority: 1,
        selection: { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 },
        action: { type: "transition", targetStorageClass: "archive" },
      }),
      repo,
      ["p1"],
    );
    expect(archive.get("p1")).toMatchObject({ status: "cannot-evaluate", rulePriority: 1 });

    expect(evaluateLifecyclePolicy(parseLifecyclePolicy("{not json"), repo, ["p1"]).get("p1")).toMatchObject({
      status: "cannot-evaluate",
      rulePriority: null,
    });
  });

  it("uses the rule's description when it has one", () => {
    const verdicts = evaluateLifecyclePolicy(
      policy(rule(1, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 2 }, "keep two")),
      repo,
      ["p1"],
    );
    expect(verdicts.get("p1")).toMatchObject({ rule: "keep two", pushesLeft: 2 });
  });
});
