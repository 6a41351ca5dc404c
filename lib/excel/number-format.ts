/**
 * Excel number format codes applied to a value (the TEXT function, and cell display): digit placeholders
 * 0 # ?, grouping and scaling commas, percent, scientific, fractions, literals, sections with
 * conditions, the text section @, and dates/times.
 */
import { formatGeneral } from "@/lib/excel/coerce";
import { formatDateSection } from "@/lib/excel/number-format-dates";
import { conditionHolds, type FormatSection, type FormatToken, parseSection, splitSections } from "@/lib/excel/number-format-sections";
import { roundTo } from "@/lib/excel/functions/math/math-rounding";

/** General as a cell shows it: up to 11 characters, so about 10 significant digits. */
export function formatGeneralShort(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa = "0", exp = "0"] = n.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const places = Math.max(0, 10 - intDigits);
  const rounded = roundTo(n, places);
  // Below 1 the digits are written out down to 1E-09 (0.000000001), where JavaScript would switch to exponents.
  if (abs < 1) return rounded.toFixed(places).replace(/\.?0+$/, "") || "0";
  return formatGeneral(rounded);
}

function pickSection(sections: FormatSection[], n: number): { section: FormatSection; value: number } | undefined {
  const numeric = sections.slice(0, 3);
  if (numeric.some((s) => s.condition)) {
    for (const [index, section] of numeric.entries()) {
      if (!section.condition || conditionHolds(section.condition, n)) {
        const negativeSection = index === 1 && !section.condition && n < 0;
        return { section, value: negativeSection ? Math.abs(n) : n };
      }
    }
    return undefined;
  }
  const [first, second, third] = numeric;
  if (!first) return undefined;
  if (n < 0 && second) return { section: second, value: -n };
  if (n === 0 && third) return { section: third, value: 0 };
  return { section: first, value: n };
}

function padChar(char: "0" | "#" | "?"): string {
  return char === "0" ? "0" : char === "?" ? " " : "";
}

/**
 * Integer digits into their placeholders, right to left; the first placeholder takes every digit left.
 * With grouping, a separator precedes every third position: "," beside a digit or a 0 pad, a space
 * beside a ? pad (so "?,???" keeps its width), nothing beside a # pad.
 */
function renderInteger(tokens: FormatToken[], digits: string, group: boolean): string {
  const firstDigit = tokens.findIndex((t) => t.kind === "digit");
  let rest = digits;
  let out = "";
  let position = 0;
  const place = (char: string): void => {
    if (group && position > 0 && position % 3 === 0) out = (char === " " ? " " : char === "" ? "" : ",") + out;
    out = char + out;
    position++;
  };
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] as FormatToken;
    if (token.kind === "literal") out = token.text + out;
    else if (token.kind === "digit") {
      if (i === firstDigit) {
        if (rest === "") place(padChar(token.char));
        for (let d = rest.length - 1; d >= 0; d--) place(rest[d] as string);
        rest = "";
      } else if (rest !== "") {
        place(rest.slice(-1));
        rest = rest.slice(0, -1);
      } else place(padChar(token.char));
    }
  }
  return out;
}

function renderFraction(tokens: FormatToken[], digits: string): string {
  const placeholders = tokens.filter((t) => t.kind === "digit") as { char: "0" | "#" | "?" }[];
  const shown = digits.split("");
  for (let i = placeholders.length - 1; i >= 0; i--) {
    const p = placeholders[i] as { char: "0" | "#" | "?" };
    if (shown[i] !== "0" || p.char === "0") break;
    shown[i] = p.char === "?" ? " " : "";
  }
  let k = 0;
  return tokens.map((t) => (t.kind === "digit" ? (shown[k++] ?? "") : t.kind === "literal" ? t.text : "")).join("");
}

function splitAt<T>(items: T[], index: number): [T[], T[]] {
  return index < 0 ? [items, []] : [items.slice(0, index), items.slice(index + 1)];
}

function renderExponent(tokens: FormatToken[], value: number): string {
  const expIndex = tokens.findIndex((t) => t.kind === "exponent");
  const expToken = tokens[expIndex] as Extract<FormatToken, { kind: "exponent" }>;
  const [mantissaTokens, expTokens] = splitAt(tokens, expIndex);
  const [intTokens, fracTokens] = splitAt(mantissaTokens, mantissaTokens.findIndex((t) => t.kind === "point"));
  const intPlaces = intTokens.filter((t) => t.kind === "digit").length;
  const fracPlaces = fracTokens.filter((t) => t.kind === "digit").length;
  let exponent = value === 0 ? 0 : Math.floor(Math.log10(value));
  if (intPlaces > 1 && intTokens.some((t) => t.kind === "digit" && t.char === "#")) exponent = Math.floor(exponent / intPlaces) * intPlaces;
  else if (intPlaces > 1) exponent -= intPlaces - 1;
  let mantissa = roundTo(value / 10 ** exponent, fracPlaces);
  if (intPlaces <= 1 && mantissa >= 10) {
    exponent += 1;
    mantissa = roundTo(value / 10 ** exponent, fracPlaces);
  }
  const body = renderFixed([...intTokens, ...(mantissaTokens.some((t) => t.kind === "point") ? [{ kind: "point" } as FormatToken] : []), ...fracTokens], mantissa);
  const expDigits = expTokens.filter((t) => t.kind === "digit").length;
  const sign = exponent < 0 ? "-" : expToken.sign === "+" ? "+" : "";
  const expText = renderInteger(expTokens, String(Math.abs(exponent)), false);
  return `${body}${expToken.upper ? "E" : "e"}${sign}${expDigits ? expText : ""}`;
}

/** `toFixed` that stays positional beyond 1e21 (where JavaScript switches to exponents): 15 digits, then zeros. */
function fixedText(n: number, places: number): string {
  if (Math.abs(n) < 1e21) return n.toFixed(places);
  const [mantissa = "0", exponent = "0"] = n.toExponential(14).split("e");
  const digits = mantissa.replace(/^-/, "").replace(".", "").padEnd(Number(exponent) + 1, "0");
  return `${n < 0 ? "-" : ""}${digits}${places > 0 ? `.${"0".repeat(places)}` : ""}`;
}

function renderFixed(tokens: FormatToken[], value: number): string {
  const pointIndex = tokens.findIndex((t) => t.kind === "point");
  const [intTokens, fracTokens] = splitAt(tokens, pointIndex);
  const fracPlaces = fracTokens.filter((t) => t.kind === "digit").length;
  const rounded = roundTo(value, fracPlaces);
  const fixed = fixedText(rounded, fracPlaces);
  const [intPart = "0", fracPart = ""] = fixed.split(".");
  const lastIntDigit = intTokens.map((t) => t.kind).lastIndexOf("digit");
  const group = intTokens.some((t, i) => t.kind === "comma" && i < lastIntDigit && intTokens.slice(0, i).some((p) => p.kind === "digit"));
  const intText = renderInteger(intTokens, intPart === "0" ? "" : intPart, group);
  if (pointIndex < 0) return intText;
  return `${intText}.${renderFraction(fracTokens, fracPart)}`;
}

function bestFraction(value: number, maxDen: number, fixedDen?: number): [number, number] {
  if (fixedDen) return [Math.round(value * fixedDen), fixedDen];
  let best: [number, number] = [Math.round(value), 1];
  let bestErr = Math.abs(value - best[0]);
  for (let den = 2; den <= maxDen && bestErr > 0; den++) {
    const num = Math.round(value * den);
    const err = Math.abs(value - num / den);
    if (err < bestErr - 1e-12) {
      best = [num, den];
      bestErr = err;
    }
  }
  return best;
}

const literalText = (tokens: FormatToken[]): string => tokens.map((t) => (t.kind === "literal" ? t.text : "")).join("");
const digitChars = (tokens: FormatToken[]): string => tokens.map((t) => (t.kind === "digit" ? t.char : "")).join("");

/** Denominator digits: zero-padded on the left to its 0 placeholders, space-padded on the right to the rest. */
function denominatorText(den: number, placeholders: string): string {
  const zeros = placeholders.split("").filter((c) => c === "0").length;
  return String(den).padStart(zeros, "0").padEnd(placeholders.length, " ");
}

/**
 * Fractions: an optional whole part, its separator (the literals after it), the numerator (the last run of
 * placeholders before "/", with its literals) and the denominator with any literals around it. A zero
 * fraction is shown as 0/1 when the numerator has a 0 placeholder, else everything from the separator to the
 * denominator is dropped, or blanked when a ? placeholder keeps widths; a zero whole part written with #
 * drops its separator too, unless a ? placeholder keeps its width as spaces.
 */
function renderFractionFormat(tokens: FormatToken[], value: number): string {
  const slash = tokens.findIndex((t) => t.kind === "slash");
  const before = tokens.slice(0, slash);
  const after = tokens.slice(slash + 1);
  let numStart = before.length;
  while (numStart > 0 && before[numStart - 1]?.kind !== "digit") numStart--;
  while (numStart > 0 && before[numStart - 1]?.kind === "digit") numStart--;
  const head = before.slice(0, numStart);
  const lastWholeDigit = head.map((t) => t.kind).lastIndexOf("digit");
  const hasWhole = lastWholeDigit >= 0;
  const wholeTokens = hasWhole ? head.slice(0, lastWholeDigit + 1) : [];
  const separator = hasWhole ? literalText(head.slice(lastWholeDigit + 1)) : "";
  const numTokens = hasWhole ? before.slice(numStart) : before;
  const firstDen = after.findIndex((t) => t.kind === "digit");
  const lastDen = after.map((t) => t.kind).lastIndexOf("digit");
  const denDigits = after.filter((t) => t.kind === "digit").length;
  const denText = literalText(after);
  const fixedDen = denDigits === 0 ? /^\d+/.exec(denText.trim())?.[0] : undefined;
  const whole = hasWhole ? Math.trunc(value) : 0;
  const [num, den] = bestFraction(value - whole, 10 ** Math.max(1, denDigits) - 1, fixedDen ? Number(fixedDen) : undefined);
  const denRendered = fixedDen ? denText : `${literalText(after.slice(0, Math.max(0, firstDen)))}${denominatorText(den, digitChars(after))}`;
  const suffix = fixedDen || lastDen < 0 ? "" : literalText(after.slice(lastDen + 1));
  const numFirst = digitChars(numTokens)[0];
  if (!hasWhole) return `${renderInteger(numTokens, String(num), false)}/${denRendered}${suffix}`;
  const wholeLast = (wholeTokens[wholeTokens.length - 1] as { char?: string } | undefined)?.char;
  const showsZero = digitChars(numTokens).includes("0");
  if (num === 0 && !showsZero) {
    const wholeText = renderInteger(wholeTokens, String(whole), false);
    if (!digitChars([...wholeTokens, ...numTokens, ...after]).includes("?")) return `${wholeText}${suffix}`;
    const width = separator.length + renderInteger(numTokens, String(num), false).length + 1 + denRendered.length;
    return `${wholeText}${" ".repeat(width)}${suffix}`;
  }
  const forceZero = whole === 0 && num === 0 && wholeLast === "?";
  let wholeText = renderInteger(wholeTokens, whole === 0 && !forceZero ? "" : String(whole), false);
  let sep = separator;
  if (whole === 0 && wholeLast !== "0" && !forceZero) sep = numFirst === "?" || wholeLast === "?" ? " ".repeat(separator.length) : "";
  if (whole === 0 && wholeText.trim() === "" && sep === "" && wholeLast === "#") wholeText = wholeText.replace(/ +$/, "");
  return `${wholeText}${sep}${renderInteger(numTokens, String(num), false)}/${denRendered}${suffix}`;
}

/**
 * What each comma of a number section does: one after a digit placeholder and not followed by one (before
 * the point, at the end) divides by 1,000 each; one before any digit placeholder is a literal ","; the
 * others (between digit placeholders) ask for thousands separators.
 */
function commaRoles(tokens: FormatToken[]): { kept: FormatToken[]; scale: number } {
  const kept: FormatToken[] = [];
  let scale = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== "comma") {
      kept.push(token);
      return;
    }
    if (!tokens.slice(0, i).some((t) => t.kind === "digit")) {
      kept.push({ kind: "literal", text: "," });
      return;
    }
    let before = i - 1;
    while (tokens[before]?.kind === "comma") before--;
    let after = i + 1;
    while (tokens[after]?.kind === "comma") after++;
    if (tokens[before]?.kind === "digit" && tokens[after]?.kind !== "digit") scale++;
    else kept.push(token);
  });
  return { kept, scale };
}

function formatNumberSection(section: FormatSection, value: number, sign: string): string | undefined {
  if (section.isDate) {
    const text = formatDateSection(value, section.tokens);
    return text === undefined ? undefined : sign + text;
  }
  const tokens = section.tokens;
  if (tokens.some((t) => t.kind === "general")) {
    return sign + tokens.map((t) => (t.kind === "general" ? formatGeneralShort(value) : t.kind === "literal" ? t.text : "")).join("");
  }
  if (!tokens.some((t) => t.kind === "digit")) return sign + tokens.map((t) => (t.kind === "literal" ? t.text : "")).join("");
  const { kept, scale } = commaRoles(tokens);
  const scaled = (value * 100 ** tokens.filter((t) => t.kind === "percent").length) / 1000 ** scale;
  const body = kept.filter((t) => t.kind !== "percent");
  if (body.some((t) => t.kind === "exponent")) return sign + renderExponent(body, scaled);
  if (body.some((t) => t.kind === "slash")) return sign + renderFractionFormat(body, scaled);
  return sign + renderFixed(body, scaled);
}

/** Formats a number or text with a format code; undefined when Excel would fail (#VALUE! in TEXT). */
export function formatValue(value: number | string, code: string): string | undefined {
  const sections = splitSections(code).map(parseSection);
  if (typeof value === "string") {
    const textSection = sections[3] ?? sections.find((s) => s.hasText && !s.tokens.some((t) => t.kind === "digit"));
    if (!textSection) return value;
    return textSection.tokens.map((t) => (t.kind === "text" ? value : t.kind === "literal" ? t.text : "")).join("");
  }
  const picked = pickSection(sections, value);
  // A value no condition accepts is shown in General.
  if (!picked) return sections.some((s) => s.condition) ? formatGeneralShort(value) : undefined;
  const { section, value: shown } = picked;
  // Elapsed times ([h], [m], [s]) may be negative; dates may not.
  if (section.isDate && shown < 0 && !section.tokens.some((t) => t.kind === "elapsed")) return undefined;
  const sign = shown < 0 ? "-" : "";
  return formatNumberSection(section, Math.abs(shown), sign);
}
