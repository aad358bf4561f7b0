import type { ReportConfig } from "@/lib/analysis/report/types";
import { DEFAULT_REPORT_CONFIG } from "@/lib/analysis/report-figures";
import type { ImageFleetConfig } from "@/lib/config/schema";

export interface ReportSettings {
  timeZone: string;
  ownerTagKey: string;
  figures: ReportConfig;
}

/** The report settings of a validated configuration: its time zone, owner tag and idle thresholds. */
export function reportSettings(config: Pick<ImageFleetConfig, "reports" | "idle">): ReportSettings {
  return {
    timeZone: config.reports.timeZone,
    ownerTagKey: config.reports.ownerTagKey,
    figures: { ...DEFAULT_REPORT_CONFIG, idle: { ...DEFAULT_REPORT_CONFIG.idle, ...config.idle } },
  };
}
