/**
 * Branded physical quantities. Internal units are km, km/s, s and rad; degrees, rev/day,
 * metres and minutes appear only at I/O boundaries and are converted there.
 * The constructor functions below are the only place a plain number becomes a quantity.
 * @module
 */
declare const unit: unique symbol;

/** A number tagged with its unit at compile time. */
export type Quantity<U extends string> = number & { readonly [unit]: U };

export type Km = Quantity<'km'>;
export type KmPerSec = Quantity<'km/s'>;
export type Sec = Quantity<'s'>;
export type Rad = Quantity<'rad'>;
export type Deg = Quantity<'deg'>;
export type RadPerSec = Quantity<'rad/s'>;
export type RevPerDay = Quantity<'rev/day'>;
export type Metres = Quantity<'m'>;

export const km = (n: number): Km => n as Km;
export const kmPerSec = (n: number): KmPerSec => n as KmPerSec;
export const sec = (n: number): Sec => n as Sec;
export const rad = (n: number): Rad => n as Rad;
export const deg = (n: number): Deg => n as Deg;
export const radPerSec = (n: number): RadPerSec => n as RadPerSec;
export const revPerDay = (n: number): RevPerDay => n as RevPerDay;
export const metres = (n: number): Metres => n as Metres;

const DEG_PER_RAD = 180 / Math.PI;
const SEC_PER_DAY = 86_400;

export const degToRad = (d: Deg | number): Rad => ((d * Math.PI) / 180) as Rad;
export const radToDeg = (r: Rad | number): Deg => (r * DEG_PER_RAD) as Deg;
export const revPerDayToRadPerSec = (n: RevPerDay | number): RadPerSec =>
  ((n * 2 * Math.PI) / SEC_PER_DAY) as RadPerSec;
export const radPerSecToRevPerDay = (n: RadPerSec | number): RevPerDay =>
  ((n * SEC_PER_DAY) / (2 * Math.PI)) as RevPerDay;
export const metresToKm = (m: Metres | number): Km => (m / 1000) as Km;
export const kmToMetres = (k: Km | number): Metres => (k * 1000) as Metres;
