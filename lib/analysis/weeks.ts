import { DAY_MS, utcDate } from "./time";

/** An ISO week label such as "2026-W49". */
export type IsoWeekLabel = string;

export interface IsoWeek {
  year: number;
  week: number;
}

export const DEFAULT_TIME_ZONE = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local wall-clock time of an instant, expressed as if it were a UTC timestamp (ms). */
function localWallMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second, ((instantMs % 1000) + 1000) % 1000);
}

function offsetMs(instantMs: number, timeZone: string): number {
  return localWallMs(instantMs, timeZone) - instantMs;
}

/**
 * The first instant of a local calendar day (given as UTC midnight of that date). Tries the
 * offsets in force a day before and after; when local midnight is skipped by a DST jump
 * (e.g. Asia/Tehran on 2021-03-22), the day starts at the jump, which is midnight read with
 * the earlier offset.
 */
function startOfLocalDay(dayUtcMs: number, timeZone: string): number {
  const before = dayUtcMs - offsetMs(dayUtcMs - DAY_MS, timeZone);
  const after = dayUtcMs - offsetMs(dayUtcMs + DAY_MS, timeZone);
  const exact = [before, after].filter((instant) => localWallMs(instant, timeZone) === dayUtcMs);
  return exact.length > 0 ? Math.min(...exact) : before;
}

function weeksInYear(year: number): 52 | 53 {
  // A year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year;
  // equivalently, when 28 December falls in week 53.
  return isoWeekOfCalendarDay(Date.UTC(year, 11, 28)).week === 53 ? 53 : 52;
}

function isoWeekOfCalendarDay(dayUtcMs: number): IsoWeek {
  const weekday = (new Date(dayUtcMs).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(dayUtcMs + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

function mondayOf({ year, week }: IsoWeek): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

export function formatIsoWeek({ year, week }: IsoWeek): IsoWeekLabel {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** Parses "YYYY-Www"; throws a RangeError naming the problem (format, or a week the year lacks). */
export function parseIsoWeek(label: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match === null) throw new RangeError(`"${label}" is not an ISO week; expected the form 2026-W49`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = weeksInYear(year);
  if (week < 1 || week > weeks) throw new RangeError(`"${label}": ${year} has weeks W01 to W${weeks}`);
  return { year, week };
}

export function isoWeekOf(date: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoWeekLabel {
  const wall = localWallMs(date.getTime(), timeZone);
  return formatIsoWeek(isoWeekOfCalendarDay(wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS)));
}

/**
 * Monday 00:00 local to the next Monday 00:00 local, as UTC instants: a week with a DST change
 * lasts 167 or 169 hours.
 */
export function weekBounds(label: IsoWeekLabel, timeZone: string = DEFAULT_TIME_ZONE): { start: Date; end: Date } {
  const monday = mondayOf(parseIsoWeek(label));
  return {
    start: new Date(startOfLocalDay(monday, timeZone)),
    end: new Date(startOfLocalDay(monday + 7 * DAY_MS, timeZone)),
  };
}

export interface LocalDay {
  /** Local calendar date, e.g. "2026-12-03". */
  date: string;
  start: Date;
  end: Date;
}

/** The seven local calendar days of a week, Monday first; a DST day lasts 23 or 25 hours. */
export function weekDays(label: IsoWeekLabel, timeZone: string = DEFAULT_TIME_ZONE): LocalDay[] {
  const monday = mondayOf(parseIsoWeek(label));
  return Array.from({ length: 7 }, (_, index) => {
    const day = monday + index * DAY_MS;
    return {
      date: utcDate(new Date(day)),
      start: new Date(startOfLocalDay(day, timeZone)),
      end: new Date(startOfLocalDay(day + DAY_MS, timeZone)),
    };
  });
}

/** The week's local days that start before `asOf`: the days a report (to date) covers. */
export function weekDaysBefore(label: IsoWeekLabel, timeZone: string, asOf: Date): LocalDay[] {
  return weekDays(label, timeZone).filter((day) => day.start < asOf);
}

function shiftWeek(label: IsoWeekLabel, weeks: number): IsoWeekLabel {
  return formatIsoWeek(isoWeekOfCalendarDay(mondayOf(parseIsoWeek(label)) + weeks * 7 * DAY_MS));
}

export function previousWeek(label: IsoWeekLabel): IsoWeekLabel {
  return shiftWeek(label, -1);
}

export function nextWeek(label: IsoWeekLabel): IsoWeekLabel {
  return shiftWeek(label, 1);
}

/** The most recent week that has fully ended at `now` in the time zone. */
export function lastClosedWeek(now: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoWeekLabel {
  return previousWeek(isoWeekOf(now, timeZone));
}

/** `hour` o'clock local time on the local day after `now`'s (a DST change before that hour shifts it by the change). */
export function tomorrowAt(now: Date, hour: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const today = Math.floor(localWallMs(now.getTime(), timeZone) / DAY_MS) * DAY_MS;
  return new Date(startOfLocalDay(today + DAY_MS, timeZone) + hour * 3_600_000);
}
