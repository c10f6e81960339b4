/**
 * Fetch schedules: a fixed interval (CelesTrak, McCants), hourly at a chosen minute after a first
 * fetch at once (Space-Track GP: "once every hour … a minute that is not at the top or bottom of
 * the hour"), daily after
 * an hour of the day UTC (Space-Track SATCAT: "once per day after 1700 (UTC)") and weekly on a day
 * after an hour UTC (Space-Track's 60-day decay data: "once a week on Wednesdays after 1700 UTC").
 * Every schedule leaves at least its period (a week: six days) between two fetches.
 * @module
 */
import type { Schedule } from './watch-source.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Every `intervalMs`, the first fetch at once. */
export function everySchedule(intervalMs: number): Schedule {
  if (!(intervalMs > 0)) throw new RangeError(`interval ${String(intervalMs)} ms: must be > 0`);
  return { first: (now) => now, next: (now) => now + intervalMs, text: `every ${durationText(intervalMs)}` };
}

/**
 * A minute of the hour drawn from `random`, away from the top and bottom of the hour
 * (minutes 5-24 and 35-54).
 */
export function randomMinute(random: () => number): number {
  const k = Math.floor(random() * 40);
  return k < 20 ? 5 + k : 35 + (k - 20);
}

/**
 * Hourly at `minute` past the hour, at least an hour apart. The first fetch (nothing stored yet)
 * is at once, so a new catalogue does not wait up to an hour; every later one is at the minute.
 */
export function hourlyAtMinute(minute: number): Schedule {
  const offset = minute * MINUTE_MS;
  const slotAtOrAfter = (t: number): number => {
    const s = Math.floor(t / HOUR_MS) * HOUR_MS + offset;
    return s >= t ? s : s + HOUR_MS;
  };
  return {
    first: (now) => now,
    next: (now) => slotAtOrAfter(now + HOUR_MS),
    text: `hourly at minute ${String(minute)}`,
  };
}

/** Once a day at `hourUtc`:`minute` UTC or later, at least 20 h apart; the first at the next such time. */
export function dailyAfter(hourUtc: number, minute: number): Schedule {
  const offset = hourUtc * HOUR_MS + minute * MINUTE_MS;
  const slotAtOrAfter = (t: number): number => {
    const s = Math.floor(t / DAY_MS) * DAY_MS + offset;
    return s >= t ? s : s + DAY_MS;
  };
  return {
    first: slotAtOrAfter,
    next: (now) => slotAtOrAfter(now + 20 * HOUR_MS),
    text: `daily at ${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')} UTC`,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Once a week on `weekdayUtc` (0 Sunday … 6 Saturday) at `hourUtc`:`minute` UTC or later, at
 * least six days apart; the first at the next such time (never before it: a new store waits for
 * the provider's day, as it asks).
 */
export function weeklyAfter(weekdayUtc: number, hourUtc: number, minute: number): Schedule {
  if (!Number.isInteger(weekdayUtc) || weekdayUtc < 0 || weekdayUtc > 6)
    throw new RangeError(`weekday ${String(weekdayUtc)}: 0 (Sunday) to 6 (Saturday)`);
  const offset = hourUtc * HOUR_MS + minute * MINUTE_MS;
  const slotAtOrAfter = (t: number): number => {
    const dayIndex = Math.floor(t / DAY_MS);
    const weekday = (((dayIndex + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const s = (dayIndex + ((weekdayUtc - weekday + 7) % 7)) * DAY_MS + offset;
    return s >= t ? s : s + 7 * DAY_MS;
  };
  return {
    first: slotAtOrAfter,
    next: (now) => slotAtOrAfter(now + 6 * DAY_MS),
    text: `weekly on ${WEEKDAYS[weekdayUtc] ?? ''} at ${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')} UTC`,
  };
}

export function durationText(ms: number): string {
  if (ms % DAY_MS === 0) return `${String(ms / DAY_MS)}d`;
  if (ms % HOUR_MS === 0) return `${String(ms / HOUR_MS)}h`;
  if (ms % MINUTE_MS === 0) return `${String(ms / MINUTE_MS)}m`;
  return `${String(ms / 1000)}s`;
}
