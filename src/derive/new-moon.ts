// The day (China Standard Time, UTC+8) of a new moon, to the minute — used to
// pin the first day of a Chinese month that Node's ICU places by an
// approximation that misses new moons minutes from midnight (2027, 2030:
// docs/domain.md#deadlines; ICU-23274, unicode-org/icu PR 4070).
// The moment of the new moon follows Meeus, Astronomical Algorithms (2nd ed.),
// chapter 49 (mean phase, 25 periodic terms, 14 planetary terms; error well
// under a minute in this era); ΔT (TT − UT) from Espenak & Meeus's polynomials.

const RAD = Math.PI / 180;
const UNIX_EPOCH_JD = 2440587.5;
const CHINA_OFFSET_DAYS = 8 / 24;
const SYNODIC_MONTH = 29.530588861;
const K0_JDE = 2451550.09766;

// [coefficient, multiples of M' (moon's anomaly), M (sun's anomaly), F (latitude), Ω, power of E]
const PERIODIC: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 1, 0, 0, 0, 0], [0.17241, 0, 1, 0, 0, 1], [0.01608, 2, 0, 0, 0, 0], [0.01039, 0, 0, 2, 0, 0],
  [0.00739, 1, -1, 0, 0, 1], [-0.00514, 1, 1, 0, 0, 1], [0.00208, 0, 2, 0, 0, 2], [-0.00111, 1, 0, -2, 0, 0],
  [-0.00057, 1, 0, 2, 0, 0], [0.00056, 2, 1, 0, 0, 1], [-0.00042, 3, 0, 0, 0, 0], [0.00042, 0, 1, 2, 0, 1],
  [0.00038, 0, 1, -2, 0, 1], [-0.00024, 2, -1, 0, 0, 1], [-0.00017, 0, 0, 0, 1, 0], [-0.00007, 1, 2, 0, 0, 0],
  [0.00004, 2, 0, -2, 0, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 1, 1, -2, 0, 0], [0.00003, 2, 0, 2, 0, 0],
  [-0.00003, 1, 1, 2, 0, 0], [0.00003, 1, -1, 2, 0, 0], [-0.00002, 1, -1, -2, 0, 0], [-0.00002, 3, 1, 0, 0, 0],
  [0.00002, 4, 0, 0, 0, 0],
];

// [coefficient, argument at k = 0, degrees per lunation]; A1 also has −0.009173 T².
const PLANETARY: ReadonlyArray<readonly [number, number, number]> = [
  [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886], [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771], [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239], [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day of new moon number k (k = 0: 6 January 2000). */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const mean = K0_JDE + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3) * RAD;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4) * RAD;
  const omega = (124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3) * RAD;
  let correction = 0;
  for (const [c, nMp, nM, nF, nO, eP] of PERIODIC) correction += c * e ** eP * Math.sin(nMp * mp + nM * m + nF * f + nO * omega);
  for (const [i, [c, a0, rate]] of PLANETARY.entries()) {
    correction += c * Math.sin((a0 + rate * k - (i === 0 ? 0.009173 * t ** 2 : 0)) * RAD);
  }
  return mean + correction;
}

/** ΔT = TT − UT in seconds for a (decimal) year: Espenak & Meeus (NASA, 2006) for 2005–2150, about 64 s before. */
function deltaTSeconds(year: number): number {
  if (year < 2005) return 64;
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
}

/**
 * The day, counted from 1970-01-01 (as `Date.UTC / 86 400 000`), on which the
 * new moon nearest to `nearEpochDay` falls in China Standard Time (UTC+8, the
 * time the Chinese calendar is reckoned in: GB/T 33661-2017).
 */
export function newMoonDayInChina(nearEpochDay: number): number {
  const k = Math.round((nearEpochDay + UNIX_EPOCH_JD - K0_JDE) / SYNODIC_MONTH);
  const jde = newMoonJde(k);
  const year = 2000 + (jde - 2451545) / 365.25;
  const jdUt = jde - deltaTSeconds(year) / 86_400;
  return Math.floor(jdUt - UNIX_EPOCH_JD + CHINA_OFFSET_DAYS);
}
