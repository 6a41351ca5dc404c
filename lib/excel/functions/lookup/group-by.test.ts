import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Region, product, units; a header row on top.
const cells = {
  A1: "Region", B1: "Product", C1: "Units",
  A2: "East", B2: "Pens", C2: 10,
  A3: "West", B3: "Pens", C3: 5,
  A4: "East", B4: "Ink", C4: 7,
  A5: "North", B5: "Ink", C5: 1,
  A6: "West", B6: "Ink", C6: 2,
  A7: "east", B7: "Pens", C7: 3,
};

describe("GROUPBY", () => {
  itFormulas(
    [
      // Headers detected (text over a number) and not shown for one level; ascending keys, grand total.
      ["GROUPBY(A1:A7,C1:C7,SUM)", [["East", 20], ["North", 1], ["West", 7], ["Total", 28]]],
      ["GROUPBY(A2:A7,C2:C7,_xleta.SUM)", [["East", 20], ["North", 1], ["West", 7], ["Total", 28]]],
      ["GROUPBY(A2:A7,C2:C7,COUNT,0,0)", [["East", 3], ["North", 1], ["West", 2]]],
      ["GROUPBY(A1:A7,C1:C7,SUM,3)", [["Region", "Units"], ["East", 20], ["North", 1], ["West", 7], ["Total", 28]]],
      ["GROUPBY(A2:A7,C2:C7,MAX,,-1)", [["Total", 10], ["East", 10], ["North", 1], ["West", 5]]],
      ["GROUPBY(A2:A7,C2:C7,SUM,,1,-1)", [["West", 7], ["North", 1], ["East", 20], ["Total", 28]]],
      ["GROUPBY(A2:A7,C2:C7,SUM,,0,-2)", [["East", 20], ["West", 7], ["North", 1]]],
      ["GROUPBY(A2:A7,C2:C7,LAMBDA(x,ROWS(x)),,0)", [["East", 3], ["North", 1], ["West", 2]]],
      ["GROUPBY(A2:A7,C2:C7,PERCENTOF,,0)", [["East", 20 / 28], ["North", 1 / 28], ["West", 7 / 28]]],
      ["GROUPBY(A2:A7,C2:C7,SUM,,0,,B2:B7=\"Ink\")", [["East", 7], ["North", 1], ["West", 2]]],
      // Two levels: headers shown, subtotals after each group, then the grand total.
      [
        "GROUPBY(A1:B7,C1:C7,SUM)",
        [
          ["Region", "Product", "Units"],
          ["East", "Ink", 7],
          ["East", "Pens", 13],
          ["East", "", 20],
          ["North", "Ink", 1],
          ["North", "", 1],
          ["West", "Ink", 2],
          ["West", "Pens", 5],
          ["West", "", 7],
          ["Total", "", 28],
        ],
      ],
      ["GROUPBY(A2:B7,C2:C7,SUM,0,1,,,1)", [["East", "Ink", 7], ["East", "Pens", 13], ["North", "Ink", 1], ["West", "Ink", 2], ["West", "Pens", 5], ["Total", "", 28]]],
      ["GROUPBY(A2:A7,C2:C6,SUM)", Errors.VALUE],
      ["GROUPBY(A2:A7,C2:C7,1)", Errors.VALUE],
      ["GROUPBY(A2:A7,C2:C7,SUM,7)", Errors.VALUE],
      ["GROUPBY(A2:A7,C2:C7,SUM,,,,A2:A7=\"none\")", Errors.CALC],
    ],
    cells,
  );
});
