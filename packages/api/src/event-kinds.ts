/**
 * The event kinds the store holds (design.md), as a tuple for the request schemas.
 * @module
 */
export const EVENT_KINDS = ['maneuver', 'release', 'proximity', 'fragmentation', 'conjunction'] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];
