import type { DigestSafetyDto, LifecycleDto } from "@/lib/contracts/image-safety";
import { formatDate } from "../ui/format";

const RISK_CLASS = {
  critical: "font-medium text-red-700 dark:text-red-400",
  warning: "font-medium text-amber-700 dark:text-amber-400",
  info: "text-zinc-600 dark:text-zinc-300",
} as const;

/** "Rule 3 (keep last 10 tagged prod-*) will expire it in ~4 days", or what the policy does instead. */
export function LifecycleVerdict({ lifecycle }: { lifecycle: LifecycleDto | null }) {
  if (!lifecycle) return <>not read yet</>;
  if (lifecycle.status === "no-policy") return <>no lifecycle policy</>;
  if (lifecycle.status === "kept") return <>kept by the repository's lifecycle policy</>;
  if (lifecycle.status === "cannot-evaluate") {
    return (
      <span>
        cannot evaluate
        {lifecycle.rulePriority === null ? "" : ` rule ${lifecycle.rulePriority}`}: {lifecycle.reason}
      </span>
    );
  }
  const rule = `Rule ${lifecycle.rulePriority} (${lifecycle.rule})`;
  if (lifecycle.risk) {
    return (
      <span role="alert" className={RISK_CLASS[lifecycle.risk.severity]}>
        {rule} will expire it {lifecycle.risk.when}
      </span>
    );
  }
  const later =
    lifecycle.expiresAt !== null
      ? `on ${formatDate(lifecycle.expiresAt)}`
      : `after ${lifecycle.pushesLeft} more pushes of matching images`;
  return (
    <span>
      {rule} expires it {later}
    </span>
  );
}

/** Scan date and whether scanning still covers the image. */
export function ScanCoverage({ safety }: { safety: DigestSafetyDto }) {
  if (!safety.scanCompletedAt) return <>{safety.scanStatus ?? "never scanned"}</>;
  return (
    <span>
      {formatDate(safety.scanCompletedAt)}
      {safety.scanStatus ? <span className="text-zinc-500 dark:text-zinc-400"> ({safety.scanStatus})</span> : null}
      {safety.scanLapse ? (
        <span className={`block ${RISK_CLASS.warning}`}>
          Scanning lapsed: {safety.scanLapse}. Re-scan it, or extend Inspector's ECR re-scan duration.
        </span>
      ) : null}
    </span>
  );
}
