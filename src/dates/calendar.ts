/** Proleptic Gregorian calendar arithmetic on plain numbers (no Date, no time zone, no clock). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 of a civil date. */
export function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01. */
export function fromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: Ymd, n: number): Ymd {
  return fromDays(toDays(date) + n);
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function isValid(date: Ymd): boolean {
  return Number.isInteger(date.y) && date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= daysInMonth(date.y, date.m);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(date: Ymd): number {
  return ((((toDays(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(date: Ymd): { year: number; week: number } {
  const days = toDays(date);
  const thursday = fromDays(days - weekday(date) + 4);
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toDays(thursday) - jan1) / 7) + 1 };
}

/** Month arithmetic on (year, month). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12 + 12) % 12 + 1 };
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function formatYear(y: number): string {
  return y < 0 ? '-' + pad(y, 4) : pad(y, 4);
}

export function formatDay(date: Ymd): string {
  return `${formatYear(date.y)}-${pad(date.m)}-${pad(date.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${formatYear(y)}-${pad(m)}`;
}

export function formatWeek(date: Ymd): string {
  const { year, week } = isoWeek(date);
  return `${formatYear(year)}-W${pad(week)}`;
}

export function formatTime(date: Ymd, hour: number, minute: number): string {
  return `${formatDay(date)}T${pad(hour)}:${pad(minute)}`;
}

/** Parses YYYY-MM-DD (a longer ISO date-time keeps its date part); undefined when it is not a valid date. */
export function parseIsoDay(value: string | undefined): Ymd | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m) return undefined;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(date) ? date : undefined;
}

/** Season of a month as TimeML names them (meteorological: winter = December to February). */
export function seasonOf(m: number): 'SP' | 'SU' | 'FA' | 'WI' {
  return m >= 3 && m <= 5 ? 'SP' : m >= 6 && m <= 8 ? 'SU' : m >= 9 && m <= 11 ? 'FA' : 'WI';
}

/** First and last month of a season in a year (winter YYYY runs from December YYYY to February YYYY+1). */
export function seasonMonths(y: number, season: string): { from: { y: number; m: number }; last: { y: number; m: number } } {
  switch (season) {
    case 'SP':
      return { from: { y, m: 3 }, last: { y, m: 5 } };
    case 'SU':
      return { from: { y, m: 6 }, last: { y, m: 8 } };
    case 'FA':
      return { from: { y, m: 9 }, last: { y, m: 11 } };
    default:
      return { from: { y, m: 12 }, last: { y: y + 1, m: 2 } };
  }
}
