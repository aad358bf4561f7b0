import fs from "node:fs";
import "server-only";
import { setMaxListeners } from "node:events";
import os from "node:os";
import pLimit from "p-limit";
import { AwsClients, type AwsSettings, type Credentials } from "@/lib/aws/clients";
import { assumedRoleCredentials } from "@/lib/aws/credentials";
import { type AwsErrorInfo, describeError } from "@/lib/aws/errors";
import { getCallerIdentity, listOrganizationAccounts, type OrganizationAccount } from "@/lib/aws/identity";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { syncAccount } from "@/lib/db/writes/accounts";
import { closeLostPollRuns, finishPollRun, type PollTrigger, startPollRun } from "@/lib/db/writes/poll-runs";
import { log } from "@/lib/log";
import { type PlannedAccount, planAccounts } from "./accounts";
import { pollUnit, type UnitSummary } from "./poll-unit";
import { ScanBudget } from "./scan-budget";

export interface CollectorOptions {
  config: ImageFleetConfig;
  /** Endpoint and hub credentials; unset, the SDK's own configuration (env, profiles, AWS_ENDPOINT_URL…). */
  aws?: Omit<AwsSettings, "quotas">;
  /** The collector's notion of now (a test or the demo runs the fleet on its own clock). */
  clock?: () => Date;
  db?: Db;
  worker?: string;
}

export interface CycleSummary {
  /** On the collector's clock. */
  startedAt: Date;
  finishedAt: Date;
  /** Real time the cycle took. */
  durationMs: number;
  hubAccountId: string | null;
  accounts: { id: string; name: string; source: string; assumeError: string | null }[];
  units: UnitSummary[];
  /** Failures outside any unit: the hub identity, Organizations discovery. */
  errors: string[];
}

type HubIdentity = Awaited<ReturnType<typeof getCallerIdentity>>;

export interface Discovery {
  /** Null when the hub identity could not be established: nothing can be collected. */
  hub: HubIdentity | null;
  /** Null without Organizations discovery, or when it failed. */
  members: OrganizationAccount[] | null;
  errors: string[];
}

/** One account × region of a cycle: everything needed to poll it, in this process or another. */
export interface PlannedUnit {
  accountId: string;
  region: string;
  roleArn: string | null;
  externalId?: string;
  /** The AssumeRole failure: the unit is recorded as failed without calling AWS. */
  unreachable: AwsErrorInfo | null;
  plannedAt: Date;
}

/** True when at least one account × region was collected (fully or partly). */
export function collectedAnything(summary: CycleSummary): boolean {
  return summary.units.some((unit) => unit.status !== "failed");
}

/**
 * Collects the fleet, one cycle at a time. Clients and assumed-role credentials are kept between
 * cycles; each account × region is one poll unit, run with bounded concurrency so that one slow,
 * throttled or failing account never holds up the others.
 */
export class Collector {
  private readonly aws: AwsClients;
  private readonly sessions = new Map<string, Credentials>();
  private readonly clock: () => Date;
  private readonly db: Db;
  private readonly worker: string;

  constructor(private readonly options: CollectorOptions) {
    this.aws = new AwsClients({ ...options.aws, quotas: options.config.collector.quotas });
    this.clock = options.clock ?? (() => new Date());
    this.db = options.db ?? defaultDb;
    this.worker = options.worker ?? `${os.hostname()}:${process.pid}`;
  }

  async runCycle(trigger: PollTrigger, signal?: AbortSignal): Promise<CycleSummary> {
    const { config } = this.options;
    // Every AWS call in flight listens to the signal: hundreds at once is expected, not a leak.
    if (signal) setMaxListeners(0, signal);
    const startedAt = this.clock();
    const started = performance.now();
    const summary: CycleSummary = {
      startedAt,
      finishedAt: startedAt,
      durationMs: 0,
      hubAccountId: null,
      accounts: [],
      units: [],
      errors: [],
    };
    const done = () => ({ ...summary, finishedAt: this.clock(), durationMs: Math.round(performance.now() - started) });
    const lost = await closeLostPollRuns(this.db, collectorGone, startedAt);
    if (lost) log.warn({ pollRuns: lost }, "closed the poll runs of a collector that stopped mid-poll");
    const discovery = await this.discover(signal);
    summary.errors.push(...discovery.errors);
    if (!discovery.hub) return done();
    summary.hubAccountId = discovery.hub.accountId;

    const limit = pLimit(config.collector.accountConcurrency);
    const { accounts, units } = await this.planUnits(discovery.hub, discovery.members, startedAt);
    summary.accounts = accounts;
    // One Insights scan budget for the whole run's backfill, drawn on by every unit.
    const budget = ScanBudget.ofGiB(config.collector.backfill.maxScanGiB);
    summary.units = await Promise.all(
      units.map((unit) => limit(() => this.pollOne(unit, { trigger, signal, budget }))),
    );
    return done();
  }

  /** The hub identity and the organisation's members, or the failures that stop or narrow a cycle. */
  async discover(signal?: AbortSignal): Promise<Discovery> {
    const { config } = this.options;
    const errors: string[] = [];
    let hub: HubIdentity;
    try {
      hub = await getCallerIdentity(this.aws.sts(this.hubScope()), signal);
    } catch (error) {
      errors.push(`sts:GetCallerIdentity: ${describeError(error).message}`);
      log.error({ error: describeError(error) }, "cannot establish the hub identity: nothing collected");
      return { hub: null, members: null, errors };
    }
    let members: OrganizationAccount[] | null = null;
    if (config.organization.discover) {
      try {
        members = await listOrganizationAccounts(this.aws.organizations({ accountId: "hub" }), signal);
      } catch (error) {
        errors.push(`organizations:ListAccounts: ${describeError(error).message}`);
        log.error(
          { error: describeError(error) },
          "Organizations discovery failed: collecting configured accounts only",
        );
      }
    }
    return { hub, members, errors };
  }

  /**
   * Every account × region to poll this cycle. Each account's role is assumed once here, and the
   * account recorded with the outcome, so an unreachable account becomes failed units, not a stall.
   */
  async planUnits(
    hub: HubIdentity,
    members: OrganizationAccount[] | null,
    plannedAt: Date,
  ): Promise<{ accounts: CycleSummary["accounts"]; units: PlannedUnit[] }> {
    const { config } = this.options;
    const accounts: CycleSummary["accounts"] = [];
    const units: PlannedUnit[] = [];
    for (const account of planAccounts(config, hub, members)) {
      const failure = await verify(this.credentialsFor(account));
      const assumeError = failure && `${failure.code}: ${failure.message}`;
      await syncAccount(this.db, account, { error: assumeError, at: plannedAt });
      accounts.push({ id: account.id, name: account.name, source: account.source, assumeError });
      for (const region of config.regions) {
        units.push({
          accountId: account.id,
          region,
          roleArn: account.roleArn,
          ...(account.externalId ? { externalId: account.externalId } : {}),
          unreachable: failure,
          plannedAt,
        });
      }
    }
    return { accounts, units };
  }

  /** Polls one planned account × region; `worker` overrides who the poll run says ran it. */
  pollOne(
    unit: PlannedUnit,
    options: {
      trigger: PollTrigger;
      signal?: AbortSignal;
      worker?: string;
      onProgress?: () => void;
      budget?: ScanBudget;
    },
  ): Promise<UnitSummary> {
    const { accountId, region } = unit;
    const worker = options.worker ?? this.worker;
    if (unit.unreachable) {
      return this.recordUnreachable({ accountId, region }, options.trigger, worker, unit.plannedAt, unit.unreachable);
    }
    return pollUnit({
      db: this.db,
      aws: this.aws,
      config: this.options.config,
      clock: this.clock,
      scope: { accountId, region, credentials: this.credentialsFor(unit) },
      trigger: options.trigger,
      worker,
      signal: options.signal,
      onProgress: options.onProgress,
      budget: options.budget,
    });
  }

  close(): void {
    this.aws.destroy();
  }

  private hubScope() {
    return { accountId: "hub", region: this.options.config.regions[0]! };
  }

  private credentialsFor(account: Pick<PlannedAccount, "roleArn" | "externalId">): Credentials | undefined {
    if (!account.roleArn) return undefined;
    const key = `${account.roleArn}|${account.externalId ?? ""}`;
    let credentials = this.sessions.get(key);
    if (!credentials) {
      credentials = assumedRoleCredentials(this.aws.sts(this.hubScope()), {
        roleArn: account.roleArn,
        externalId: account.externalId,
      });
      this.sessions.set(key, credentials);
    }
    return credentials;
  }

  /** An account whose role cannot be assumed still gets a (failed) poll run per region. */
  private async recordUnreachable(
    unit: { accountId: string; region: string },
    trigger: PollTrigger,
    worker: string,
    at: Date,
    failure: AwsErrorInfo,
  ): Promise<UnitSummary> {
    const pollRunId = crypto.randomUUID();
    await startPollRun(this.db, { id: pollRunId, ...unit, trigger, worker, startedAt: at });
    const errors = [{ api: "sts:AssumeRole", ...failure }];
    await finishPollRun(this.db, pollRunId, {
      finishedAt: new Date(),
      status: "failed",
      functionsSeen: 0,
      statesRead: 0,
      calls: {},
      throttles: 0,
      errors,
    });
    return {
      pollRunId,
      ...unit,
      status: "failed",
      functionsSeen: 0,
      imageFunctions: 0,
      statesRead: 0,
      created: 0,
      changed: 0,
      deleted: 0,
      calls: 0,
      throttles: 0,
      errors: 1,
      backfill: null,
    };
  }
}

/**
 * Whether the collector process a poll run names (`host:pid`, as the Collector labels them) ran on
 * this host and is gone. A run of this pid that this process did not start (it never asks about its
 * own) is from an earlier life: a restarted container reuses pids.
 */
function collectorGone(worker: string): boolean {
  const label = /^([^:\s]+):(\d+)(?:\s|$)/.exec(worker);
  if (!label || label[1] !== os.hostname()) return false;
  const pid = Number(label[2]);
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  return isZombie(pid);
}

/**
 * A killed process that nobody reaped yet still answers signal 0. Where no init reaps orphans (a
 * container's PID 1 often does not), a dead collector's pid stays a zombie: dead all the same.
 */
function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; the command may hold spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/** The AssumeRole failure, or null once credentials were obtained (the hub's own need none). */
async function verify(credentials: Credentials | undefined): Promise<AwsErrorInfo | null> {
  if (typeof credentials !== "function") return null;
  try {
    await credentials();
    return null;
  } catch (error) {
    return describeError(error);
  }
}

/** One full collection in-process (tests, benchmarks, `collect --once`). */
export async function runCollectionCycle(
  options: CollectorOptions & { trigger?: PollTrigger; signal?: AbortSignal },
): Promise<CycleSummary> {
  const collector = new Collector(options);
  try {
    return await collector.runCycle(options.trigger ?? "manual", options.signal);
  } finally {
    collector.close();
  }
}
