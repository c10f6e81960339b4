/**
 * Named threshold sets for proximity detection.
 * @module
 */
/**
 * Proximity presets. `screen`: the detector's defaults (50 km, 0.5 km/s, passes at most 3 h apart,
 * sets ≤ 10 days from the instant) — a catalogue-wide screen. `inspection`: within 100 km below
 * 0.2 km/s with passes recurring up to 7 days apart and sets up to 16 days old — the recurring
 * same-plane passes of an inspector past its target, seen through sparse (amateur) elements.
 * Either way the assessment labels each episode (`co-orbital` needs three passes within range,
 * each ≤ 7 days after the last, whatever the preset groups into one episode).
 */
export const PROXIMITY_PRESETS = {
  screen: {},
  inspection: { maxRangeKm: 100, maxRelativeSpeedKmPerSec: 0.2, maxGapSec: 7 * 86_400, maxSetAgeDays: 16 },
} as const;
export type ProximityPreset = keyof typeof PROXIMITY_PRESETS;
