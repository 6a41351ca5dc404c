/**
 * BAHTTEXT(number): the amount in Thai words with บาท (baht) and สตางค์ (satang), rounded to satang;
 * ถ้วน ("exactly") when there are no satang, ลบ before a negative amount. Digits are read in blocks of
 * a million (ล้าน); inside a block ten is สิบ, twenty ยี่สิบ, and a one after a tens digit is เอ็ด.
 */
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type Value } from "@/lib/excel/values";

const ZERO = "ศูนย์";
const DIGITS = [ZERO, "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];
const PLACES: readonly [number, string][] = [
  [100_000, "แสน"],
  [10_000, "หมื่น"],
  [1_000, "พัน"],
  [100, "ร้อย"],
];

/** Words for 1..999999. */
function block(value: number): string {
  let rest = value;
  let text = "";
  for (const [size, word] of PLACES) {
    if (rest >= size) {
      text += `${DIGITS[Math.floor(rest / size)] ?? ""}${word}`;
      rest %= size;
    }
  }
  const tens = Math.floor(rest / 10);
  const ones = rest % 10;
  if (tens >= 3) text += `${DIGITS[tens] ?? ""}สิบ`;
  else if (tens === 2) text += "ยี่สิบ";
  else if (tens === 1) text += "สิบ";
  if (tens > 0 && ones === 1) text += "เอ็ด";
  else if (ones > 0) text += DIGITS[ones] ?? "";
  return text;
}

function bahtWhole(baht: number): string {
  let text = "";
  let rest = baht;
  while (rest > 0) {
    const part = rest % 1_000_000;
    rest = Math.floor(rest / 1_000_000);
    text = (rest > 0 ? "ล้าน" : "") + (part > 0 ? block(part) : "") + text;
  }
  return text;
}

export function bahtText(_ctx: EvalContext, amount: number): Value {
  const cents = Math.round(Math.abs(amount) * 100);
  if (!Number.isFinite(cents) || cents >= 2 ** 53) return Errors.NUM;
  const baht = Math.floor(cents / 100);
  const satang = cents % 100;
  let text = baht === 0 && satang === 0 ? ZERO : bahtWhole(baht);
  if (text !== "") text += "บาท";
  text += satang === 0 ? "ถ้วน" : `${block(satang)}สตางค์`;
  return amount < 0 && cents > 0 ? `ลบ${text}` : text;
}

export const bahtTextFunctions: FunctionSpec[] = [{ name: "BAHTTEXT", minArgs: 1, maxArgs: 1, args: ["number"], impl: bahtText }];
