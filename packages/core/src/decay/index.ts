/**
 * Space-Track `decay` class messages (historical decays and decay predictions) and their reader.
 * @module
 */
export { parseDecayMessages, parseSpaceTrackTime } from './parse-decay.js';
export type { ParseDecayOptions } from './parse-decay.js';
export type { DecayEpochPrecision, DecayMessage, DecayMessageType } from './decay-message.js';
