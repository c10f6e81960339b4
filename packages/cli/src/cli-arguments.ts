/**
 * Parsing of command-line values shared by the commands: times (ISO 8601 with `Z` or an
 * offset, never naive), durations (`90s`, `10m`, `6h`, `7d` or bare seconds) and NORAD ids.
 * A bad value is a usage error (exit code 2) that says what form was expected.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, decodeAlpha5, parseIsoInstant } from '@orbwatch/core';

const DURATION_RE = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/;
const UNIT_SEC = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `90s`, `10m`, `6h`, `7d` or a bare number of seconds, to seconds. */
export function parseDurationSec(text: string, option: string): number {
  const m = DURATION_RE.exec(text.trim());
  if (m === null) {
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `${option}: '${text}' is not a duration; expected e.g. 90s, 10m, 6h, 7d or seconds`,
      {
        option,
        expected: '<number>[s|m|h|d]',
      },
    );
  }
  const unit = (m[2] ?? 's') as keyof typeof UNIT_SEC;
  const value = Number(m[1]) * UNIT_SEC[unit];
  if (!(value > 0)) throw new OrbwatchError(ErrorCode.USAGE, `${option}: duration must be positive`, { option });
  return value;
}

/** An ISO 8601 time with `Z` or an offset; a naive time is refused with the fix. */
export function parseTimeArg(text: string, option: string): Instant {
  const t = parseIsoInstant(text);
  if (t === undefined) {
    const naive = /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(text.trim());
    throw new OrbwatchError(
      ErrorCode.USAGE,
      naive
        ? `${option}: '${text}' has no time zone; add Z for UTC (e.g. ${text.includes('T') ? text : `${text}T00:00:00`}Z)`
        : `${option}: '${text}' is not an ISO 8601 time; expected e.g. 2020-07-15T00:00:00Z`,
      { option, expected: 'YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)' },
    );
  }
  return t;
}

/** A NORAD catalog number (digits or Alpha-5). */
export function parseNoradArg(text: string): NoradId {
  const id = decodeAlpha5(text);
  if (id === undefined || id < 1) {
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `'${text}' is not a NORAD catalog number; expected 1-339999 or Alpha-5 (e.g. A0001)`,
      {
        expected: '1..339999 or A0000..Z9999',
      },
    );
  }
  return id;
}

/** A positive finite number (thresholds), else a usage error naming the option. */
export function positiveNumber(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    throw new OrbwatchError(ErrorCode.USAGE, `${option}: '${text}' is not a positive number`, {
      option,
      expected: 'a positive number',
    });
  }
  return n;
}

/** A TCP port, 0..65535 (0: any free port). */
export function portNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65_535) {
    throw new OrbwatchError(ErrorCode.USAGE, `--port: '${text}' is not a TCP port; expected 0..65535`, {
      option: '--port',
      expected: '0..65535',
    });
  }
  return n;
}
