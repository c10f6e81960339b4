/**
 * Behaviour detectors and the event type they share.
 * @module
 */
export type {
  DetectedEvent,
  DetectorParameters,
  ElementSetRef,
  EventKind,
  EventObject,
  EventObjectRole,
  MeasureValue,
} from './detected-event.js';
export * from './assessment/index.js';
export * from './maneuver/index.js';
export * from './fragmentation/index.js';
export * from './release/index.js';
export * from './proximity/index.js';
export * from './conjunction/index.js';
