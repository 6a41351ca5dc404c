import { describe, it, expect } from "vitest";
import {
  dateToSerial,
  parseDateTimeText,
  serialToDate,
  serialToTime,
  weekdayIndex,
} from "@/lib/excel/dates";

describe("dateToSerial", () => {
  it("follows the 1900 system including the phantom leap day", () => {
    expect(dateToSerial(1900, 1, 1)).toBe(1);
    expect(dateToSerial(1900, 1, 0)).toBe(0);
    expect(dateToSerial(1900, 2, 28)).toBe(59);
    expect(dateToSerial(1900, 2, 29)).toBe(60);
    expect(dateToSerial(1900, 3, 1)).toBe(61);
    expect(dateToSerial(2008, 1, 1)).toBe(39448);
    expect(dateToSerial(2024, 1, 31)).toBe(45322);
    expect(dateToSerial(9999, 12, 31)).toBe(2958465);
  });
  it("rolls months and days over and adds 1900 to small years", () => {
    expect(dateToSerial(2008, 14, 2)).toBe(dateToSerial(2009, 2, 2));
    expect(dateToSerial(2008, -3, 2)).toBe(dateToSerial(2007, 9, 2));
    expect(dateToSerial(2008, 1, 35)).toBe(dateToSerial(2008, 2, 4));
    expect(dateToSerial(2008, 1, -15)).toBe(dateToSerial(2007, 12, 16));
    expect(dateToSerial(108, 1, 2)).toBe(dateToSerial(2008, 1, 2));
    expect(dateToSerial(2008.9, 1.7, 2.9)).toBe(dateToSerial(2008, 1, 2));
    expect(dateToSerial(-1, 1, 1)).toBeNaN();
    expect(dateToSerial(10000, 1, 1)).toBeNaN();
  });
});

describe("serialToDate", () => {
  it("inverts dateToSerial", () => {
    expect(serialToDate(0)).toEqual({ year: 1900, month: 1, day: 0 });
    expect(serialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialToDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(serialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(serialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(serialToDate(45322.75)).toEqual({ year: 2024, month: 1, day: 31 });
    expect(serialToDate(2958465)).toEqual({ year: 9999, month: 12, day: 31 });
    for (const serial of [100, 36526, 36585, 44000, 50000]) {
      const { year, month, day } = serialToDate(serial);
      expect(dateToSerial(year, month, day)).toBe(serial);
    }
  });
  it("gives time parts rounded to the second and Excel's weekday", () => {
    expect(serialToTime(0.5)).toEqual({ hour: 12, minute: 0, second: 0 });
    expect(serialToTime(45322 + (10 * 3600 + 30 * 60 + 15.6) / 86400)).toEqual({ hour: 10, minute: 30, second: 16 });
    expect(serialToTime(0.9999999)).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(weekdayIndex(1)).toBe(0);
    expect(weekdayIndex(0)).toBe(6);
    expect(weekdayIndex(45322)).toBe(3);
  });
});

describe("parseDateTimeText", () => {
  const jan31 = 45322;
  it("reads en-US date forms", () => {
    for (const text of ["2024-01-31", "2024/1/31", "1/31/2024", "1-31-2024", "01/31/24", "31-Jan-2024", "31 January 2024", "Jan 31, 2024", "January 31 2024", "31-jan-24"]) {
      expect(parseDateTimeText(text), text).toBe(jan31);
    }
    expect(parseDateTimeText("January 2024")).toBe(dateToSerial(2024, 1, 1));
    expect(parseDateTimeText("Jan-2024")).toBe(dateToSerial(2024, 1, 1));
    expect(parseDateTimeText("1/31", 2023)).toBe(dateToSerial(2023, 1, 31));
    expect(parseDateTimeText("31-Jan", 2023)).toBe(dateToSerial(2023, 1, 31));
    expect(parseDateTimeText("1/32", 2023)).toBe(dateToSerial(1932, 1, 1));
    expect(parseDateTimeText("2/29/1900")).toBe(60);
    expect(parseDateTimeText("1/1/1930")).toBe(10959);
    expect(parseDateTimeText("1/1/30")).toBe(10959);
    expect(parseDateTimeText("12/31/29")).toBe(dateToSerial(2029, 12, 31));
  });
  it("reads times and date-times", () => {
    expect(parseDateTimeText("10:30")).toBeCloseTo(0.4375, 12);
    expect(parseDateTimeText("10:30:15 PM")).toBeCloseTo((22 * 3600 + 30 * 60 + 15) / 86400, 12);
    expect(parseDateTimeText("12:00 AM")).toBe(0);
    expect(parseDateTimeText("12 pm")).toBe(0.5);
    expect(parseDateTimeText("25:00")).toBeCloseTo(25 / 24, 12);
    expect(parseDateTimeText("10:30.5")).toBeCloseTo(630.5 / 86400, 12);
    expect(parseDateTimeText("1/31/2024 10:30")).toBeCloseTo(jan31 + 0.4375, 9);
    expect(parseDateTimeText("Jan 31, 2024 6:00 PM")).toBeCloseTo(jan31 + 0.75, 9);
  });
  it("rejects what is not a date", () => {
    for (const text of ["", "abc", "2024", "13/1/2024", "2/29/2023", "1/1/1850", "10:60", "13:00 PM", "1.5", "Jan 32, 2024", "Foo 1, 2024"]) {
      expect(parseDateTimeText(text), text).toBeUndefined();
    }
  });
});
