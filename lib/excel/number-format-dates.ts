/** Rendering date/time sections of number formats (d m y h s, AM/PM, elapsed [h] [m] [s]). */
import { MAX_SERIAL, serialToDate, weekdayIndex } from "@/lib/excel/dates";
import type { FormatToken } from "@/lib/excel/number-format-sections";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Which "m" tokens mean minutes: after an hour or seconds token, or before a seconds token. */
function minuteFlags(tokens: readonly FormatToken[]): boolean[] {
  const flags = tokens.map(() => false);
  const timeish = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.kind === "date" || t.kind === "elapsed");
  timeish.forEach(({ t, i }, k) => {
    if (t.kind !== "date" || !/^m{1,2}$/i.test(t.code)) return;
    const prev = timeish[k - 1]?.t;
    const next = timeish[k + 1]?.t;
    const afterHour = (prev?.kind === "date" && /^h/i.test(prev.code)) || (prev?.kind === "elapsed" && prev.unit === "h");
    const beforeSecond = (next?.kind === "date" && /^s/i.test(next.code)) || (next?.kind === "elapsed" && next.unit === "s");
    const afterSecond = (prev?.kind === "date" && /^s/i.test(prev.code)) || (prev?.kind === "elapsed" && prev.unit === "s");
    flags[i] = afterHour || beforeSecond || afterSecond;
  });
  return flags;
}

/** Formats a serial with a date/time section; undefined when the serial cannot be shown as a date. */
export function formatDateSection(serial: number, tokens: readonly FormatToken[]): string | undefined {
  if (serial < 0 || serial > MAX_SERIAL + 1) return undefined;
  const subsecondDigits = tokens.reduce((d, t) => (t.kind === "subsecond" ? Math.max(d, t.digits) : d), 0);
  const unit = 86_400 * 10 ** subsecondDigits;
  const ticks = Math.round(serial * unit);
  const dayTicks = 86_400 * 10 ** subsecondDigits;
  const wholeDays = Math.floor(ticks / dayTicks);
  const secondsTicks = ticks - wholeDays * dayTicks;
  const totalSeconds = Math.floor(secondsTicks / 10 ** subsecondDigits);
  const fraction = secondsTicks - totalSeconds * 10 ** subsecondDigits;
  const date = serialToDate(wholeDays);
  const hour = Math.floor(totalSeconds / 3600);
  const minute = Math.floor((totalSeconds % 3600) / 60);
  const second = totalSeconds % 60;
  const hasAmPm = tokens.some((t) => t.kind === "ampm");
  const minutes = minuteFlags(tokens);
  const elapsedSeconds = wholeDays * 86_400 + totalSeconds;
  const elapsedSeen = new Set<string>();
  let out = "";
  tokens.forEach((token, i) => {
    switch (token.kind) {
      case "literal":
        out += token.text;
        break;
      case "slash":
        out += "/";
        break;
      case "comma":
        out += ",";
        break;
      case "point":
        out += ".";
        break;
      case "digit":
        out += token.char;
        break;
      case "ampm": {
        const pm = hour >= 12;
        // AM/PM is written in capitals whatever the code's case; A/P keeps the case it was written in.
        if (token.style.length > 3) out += pm ? "PM" : "AM";
        else out += token.style[0] === "a" ? (pm ? "p" : "a") : pm ? "P" : "A";
        break;
      }
      case "elapsed": {
        const value = elapsedIn(token.unit, elapsedSeconds);
        const prior = tokens.slice(0, i).some((t) => t.kind === "elapsed");
        const shown = prior ? value % (token.unit === "h" ? 24 : 60) : value;
        out += pad(shown, token.width);
        elapsedSeen.add(token.unit);
        break;
      }
      case "subsecond":
        out += `.${pad(fraction, subsecondDigits).slice(0, token.digits)}`;
        break;
      case "date": {
        // After [h], [m] or [s], a plain h, m (minutes) or s repeats that elapsed count.
        const unit = /^h+$/i.test(token.code) ? "h" : /^s+$/i.test(token.code) ? "s" : minutes[i] ? "m" : undefined;
        if (unit && elapsedSeen.has(unit)) {
          out += pad(elapsedIn(unit, elapsedSeconds), token.code.length);
          break;
        }
        out += renderDateCode(token.code, minutes[i] === true, { ...date, hour, minute, second, hasAmPm, wholeDays });
        break;
      }
      default:
        break;
    }
  });
  return out;
}

function elapsedIn(unit: string, seconds: number): number {
  return unit === "h" ? Math.floor(seconds / 3600) : unit === "m" ? Math.floor(seconds / 60) : seconds;
}

interface Moment {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly hasAmPm: boolean;
  readonly wholeDays: number;
}

function renderDateCode(code: string, isMinute: boolean, m: Moment): string {
  const lower = code.toLowerCase();
  const c = lower[0];
  if (c === "y" || c === "e") return lower.length <= 2 && c === "y" ? pad(m.year % 100, 2) : String(m.year);
  if (c === "m") {
    if (isMinute) return lower.length === 2 ? pad(m.minute, 2) : String(m.minute);
    const name = MONTH_NAMES[m.month - 1] ?? "";
    if (lower.length === 1) return String(m.month);
    if (lower.length === 2) return pad(m.month, 2);
    if (lower.length === 3) return name.slice(0, 3);
    if (lower.length === 5) return name.slice(0, 1);
    return name;
  }
  if (c === "d") {
    const name = DAY_NAMES[weekdayIndex(m.wholeDays)] ?? "";
    if (lower.length === 1) return String(m.day);
    if (lower.length === 2) return pad(m.day, 2);
    return lower.length === 3 ? name.slice(0, 3) : name;
  }
  if (c === "h") {
    const h = m.hasAmPm ? m.hour % 12 || 12 : m.hour;
    return lower.length >= 2 ? pad(h, 2) : String(h);
  }
  if (c === "s") return lower.length >= 2 ? pad(m.second, 2) : String(m.second);
  if (c === "b") return String(m.year + 543).slice(lower.length === 2 ? 2 : 0);
  return "";
}
