import { describe, it, expect } from "vitest";
import { dateToSerial } from "@/lib/excel/dates";
import { dateDiffFunctions } from "@/lib/excel/functions/date/date-diff-functions";
import { datetimeFunctions } from "@/lib/excel/functions/date/datetime-functions";
import { arr, callSpec } from "@/test/excel/spec-harness";
import { workdayFunctions } from "@/lib/excel/functions/date/workday-functions";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...datetimeFunctions, ...dateDiffFunctions, ...workdayFunctions];
const call = (name: string, ...args: (Value | undefined)[]) => callSpec(specs, name, args, { now: new Date(2024, 0, 31, 18, 0) });
const d = dateToSerial;

describe("DATE, TIME and parsing", () => {
  it("builds serials", () => {
    expect(call("DATE", 2008, 1, 2)).toBe(39449);
    expect(call("DATE", 2008, 14, 2)).toBe(d(2009, 2, 2));
    expect(call("DATE", 1900, 1, 0)).toBe(0);
    expect(call("DATE", 1900, 1, -1)).toBe(Errors.NUM);
    expect(call("DATE", 10000, 1, 1)).toBe(Errors.NUM);
    expect(call("DATE", "2008", "1", "2")).toBe(39449);
    expect(call("TIME", 12, 0, 0)).toBe(0.5);
    expect(call("TIME", 16, 48, 10)).toBeCloseTo(0.7001157, 7);
    expect(call("TIME", 27, 0, 0)).toBeCloseTo(0.125, 12);
    expect(call("TIME", 1, -1, 0)).toBeCloseTo(59 / 1440, 12);
    expect(call("TIME", 0, -1, 0)).toBe(Errors.NUM);
    expect(call("TIME", 32768, 0, 0)).toBe(Errors.NUM);
  });
  it("parses text dates and times", () => {
    expect(call("DATEVALUE", "8/22/2011")).toBe(40777);
    expect(call("DATEVALUE", "22-MAY-2011")).toBe(40685);
    expect(call("DATEVALUE", "2011/02/23")).toBe(40597);
    expect(call("DATEVALUE", "5-JUL")).toBe(d(2024, 7, 5));
    expect(call("DATEVALUE", "1/31/2024 10:30")).toBe(45322);
    expect(call("DATEVALUE", "hello")).toBe(Errors.VALUE);
    expect(call("DATEVALUE", 45000)).toBe(Errors.VALUE);
    expect(call("TIMEVALUE", "2:24 AM")).toBeCloseTo(0.1, 12);
    expect(call("TIMEVALUE", "22-Aug-2011 6:35 AM")).toBeCloseTo(0.27430556, 8);
    expect(call("TIMEVALUE", "x")).toBe(Errors.VALUE);
  });
  it("reads the clock for NOW and TODAY", () => {
    expect(call("TODAY")).toBe(45322);
    expect(call("NOW")).toBeCloseTo(45322.75, 9);
  });
});

describe("date and time parts", () => {
  it("extracts parts", () => {
    expect(call("YEAR", 45322.9)).toBe(2024);
    expect(call("MONTH", "15-Apr-2011")).toBe(4);
    expect(call("DAY", 60)).toBe(29);
    expect(call("DAY", 0)).toBe(0);
    expect(call("YEAR", -1)).toBe(Errors.NUM);
    expect(call("YEAR", 3e6)).toBe(Errors.NUM);
    expect(call("HOUR", 0.75)).toBe(18);
    expect(call("MINUTE", "12:45 PM")).toBe(45);
    expect(call("SECOND", "4:48:18 PM")).toBe(18);
    expect(call("HOUR", -0.5)).toBe(Errors.NUM);
  });
  it("computes weekdays and week numbers", () => {
    const feb14 = d(2008, 2, 14);
    expect(call("WEEKDAY", feb14)).toBe(5);
    expect(call("WEEKDAY", feb14, 2)).toBe(4);
    expect(call("WEEKDAY", feb14, 3)).toBe(3);
    expect(call("WEEKDAY", feb14, 16)).toBe(6);
    expect(call("WEEKDAY", feb14, 4)).toBe(Errors.NUM);
    expect(call("WEEKNUM", d(2012, 3, 9))).toBe(10);
    expect(call("WEEKNUM", d(2012, 3, 9), 2)).toBe(11);
    expect(call("WEEKNUM", d(2021, 1, 1), 21)).toBe(53);
    expect(call("WEEKNUM", d(2024, 1, 1), 9)).toBe(Errors.NUM);
    expect(call("ISOWEEKNUM", d(2012, 3, 9))).toBe(10);
    expect(call("ISOWEEKNUM", d(2024, 12, 30))).toBe(1);
  });
  it("shifts by months", () => {
    expect(call("EDATE", d(2011, 1, 15), 1)).toBe(40589);
    expect(call("EDATE", d(2011, 1, 15), -1)).toBe(40527);
    expect(call("EDATE", d(2011, 1, 31), 1)).toBe(d(2011, 2, 28));
    expect(call("EDATE", d(2011, 1, 31), 1.9)).toBe(d(2011, 2, 28));
    expect(call("EDATE", -1, 1)).toBe(Errors.NUM);
    expect(call("EOMONTH", d(2011, 1, 1), 1)).toBe(40602);
    expect(call("EOMONTH", d(2011, 1, 1), -3)).toBe(40482);
    expect(call("EOMONTH", d(1900, 1, 15), -1)).toBe(Errors.NUM);
    expect(call("DAYS", "3/15/2021", "2/1/2021")).toBe(42);
    expect(call("DAYS", d(2021, 12, 31), d(2021, 1, 1))).toBe(364);
  });
});

describe("DAYS360, DATEDIF, YEARFRAC", () => {
  it("counts 30/360 days", () => {
    expect(call("DAYS360", d(2011, 1, 30), d(2011, 2, 1))).toBe(1);
    expect(call("DAYS360", d(2008, 2, 27), d(2009, 3, 31))).toBe(394);
    expect(call("DAYS360", d(2008, 2, 27), d(2009, 3, 31), true)).toBe(393);
    expect(call("DAYS360", d(2011, 1, 1), d(2011, 1, 31))).toBe(30);
    expect(call("DAYS360", d(2011, 1, 1), d(2011, 12, 31))).toBe(360);
    expect(call("DAYS360", d(2011, 1, 1), d(2011, 12, 31), true)).toBe(359);
    expect(call("DAYS360", d(2011, 2, 28), d(2011, 3, 31))).toBe(30);
    expect(call("DAYS360", d(2011, 3, 31), d(2011, 1, 1))).toBe(-89);
    expect(call("DAYS360", 45992.000001, 46000.999999)).toBe(9);
    expect(call("DAY", 46000.999999)).toBe(call("DAY", 46001));
  });
  it("computes DATEDIF units", () => {
    expect(call("DATEDIF", d(2001, 1, 1), d(2003, 1, 1), "Y")).toBe(2);
    expect(call("DATEDIF", d(2001, 6, 1), d(2002, 8, 15), "D")).toBe(440);
    expect(call("DATEDIF", d(2001, 6, 1), d(2002, 8, 15), "YD")).toBe(75);
    expect(call("DATEDIF", d(2001, 6, 1), d(2002, 8, 15), "md")).toBe(14);
    expect(call("DATEDIF", d(2001, 6, 1), d(2002, 8, 15), "M")).toBe(14);
    expect(call("DATEDIF", d(2001, 6, 1), d(2002, 8, 15), "YM")).toBe(2);
    expect(call("DATEDIF", d(2011, 1, 31), d(2011, 3, 1), "MD")).toBe(-2);
    expect(call("DATEDIF", d(2003, 1, 1), d(2001, 1, 1), "Y")).toBe(Errors.NUM);
    expect(call("DATEDIF", d(2001, 1, 1), d(2003, 1, 1), "W")).toBe(Errors.NUM);
  });
  it("computes YEARFRAC for every basis", () => {
    const s = d(2012, 1, 1);
    const e = d(2012, 7, 30);
    expect(call("YEARFRAC", s, e)).toBeCloseTo(0.58055556, 8);
    expect(call("YEARFRAC", s, e, 1)).toBeCloseTo(0.57650273, 8);
    expect(call("YEARFRAC", s, e, 2)).toBeCloseTo(0.58611111, 8);
    expect(call("YEARFRAC", s, e, 3)).toBeCloseTo(0.57808219, 8);
    expect(call("YEARFRAC", s, e, 4)).toBeCloseTo(0.58055556, 8);
    expect(call("YEARFRAC", e, s, 3)).toBeCloseTo(0.57808219, 8);
    expect(call("YEARFRAC", d(2010, 1, 1), d(2013, 6, 30), 1)).toBeCloseTo((d(2013, 6, 30) - d(2010, 1, 1)) / ((365 * 3 + 366) / 4), 12);
    expect(call("YEARFRAC", d(2011, 2, 28), d(2012, 2, 29), 0)).toBeCloseTo(1, 12);
    expect(call("YEARFRAC", s, e, 5)).toBe(Errors.NUM);
  });
});

describe("NETWORKDAYS and WORKDAY", () => {
  const holidays = arr([[d(2012, 11, 22)], [d(2012, 12, 4)], [d(2013, 1, 21)]]);
  it("counts working days", () => {
    expect(call("NETWORKDAYS", d(2012, 10, 1), d(2013, 3, 1))).toBe(110);
    expect(call("NETWORKDAYS", d(2012, 10, 1), d(2013, 3, 1), arr([[d(2012, 11, 22)]]))).toBe(109);
    expect(call("NETWORKDAYS", d(2012, 10, 1), d(2013, 3, 1), holidays)).toBe(107);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 1, 31))).toBe(22);
    expect(call("NETWORKDAYS.INTL", d(2006, 2, 28), d(2006, 1, 31))).toBe(-21);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 2, 1), 7, arr([["2006/1/2", "2006/1/16"]]))).toBe(22);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 2, 1), "0010001", arr([["2006/1/2", "2006/1/16"]]))).toBe(20);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 2, 1), "1111111")).toBe(0);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 2, 1), 8)).toBe(Errors.NUM);
    expect(call("NETWORKDAYS.INTL", d(2006, 1, 1), d(2006, 2, 1), "001")).toBe(Errors.VALUE);
    expect(call("NETWORKDAYS", d(2012, 10, 1), d(2013, 3, 1), arr([["x"]]))).toBe(Errors.VALUE);
  });
  it("adds working days", () => {
    expect(call("WORKDAY", d(2008, 10, 1), 151)).toBe(39933);
    expect(call("WORKDAY", d(2008, 10, 1), 151, arr([[d(2008, 11, 26)], [d(2008, 12, 4)], [d(2009, 1, 21)]]))).toBe(39938);
    expect(call("WORKDAY", d(2024, 1, 8), -1)).toBe(d(2024, 1, 5));
    expect(call("WORKDAY", d(2024, 1, 6), 0)).toBe(d(2024, 1, 6));
    expect(call("WORKDAY.INTL", d(2012, 1, 1), 30, 0)).toBe(Errors.NUM);
    expect(call("WORKDAY.INTL", d(2012, 1, 1), 90, 11)).toBe(41013);
    expect(call("WORKDAY.INTL", d(2012, 1, 1), 30, 17)).toBe(40944);
    expect(call("WORKDAY.INTL", d(2012, 1, 1), 30, "1111111")).toBe(Errors.VALUE);
    expect(call("WORKDAY", -1, 3)).toBe(Errors.NUM);
  });
});
