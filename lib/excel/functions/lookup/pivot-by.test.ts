import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = {
  A1: "Region", B1: "Product", C1: "Units",
  A2: "East", B2: "Pens", C2: 10,
  A3: "West", B3: "Pens", C3: 5,
  A4: "East", B4: "Ink", C4: 7,
  A5: "North", B5: "Ink", C5: 1,
  A6: "West", B6: "Ink", C6: 2,
};

describe("PIVOTBY", () => {
  itFormulas(
    [
      [
        "PIVOTBY(A1:A6,B1:B6,C1:C6,SUM)",
        [
          ["", "Ink", "Pens", "Total"],
          ["East", 7, 10, 17],
          ["North", 1, "", 1],
          ["West", 2, 5, 7],
          ["Total", 10, 15, 25],
        ],
      ],
      [
        "PIVOTBY(A2:A6,B2:B6,C2:C6,COUNT,0,0,-1,-1)",
        [
          ["", "Total", "Ink", "Pens"],
          ["West", 2, 1, 1],
          ["North", 1, 1, ""],
          ["East", 2, 1, 1],
        ],
      ],
      [
        "PIVOTBY(A2:A6,B2:B6,C2:C6,PERCENTOF,,0,,0)",
        [
          ["", "Ink", "Pens"],
          ["East", 7 / 25, 10 / 25],
          ["North", 1 / 25, ""],
          ["West", 2 / 25, 5 / 25],
        ],
      ],
      ["PIVOTBY(A2:A6,B2:B6,C2:C6,SUM,,0,,0,,B2:B6=\"Ink\")", [["", "Ink"], ["East", 7], ["North", 1], ["West", 2]]],
      ["PIVOTBY(A2:A6,B2:B5,C2:C6,SUM)", Errors.VALUE],
      ["PIVOTBY(A2:A6,B2:B6,C2:C6,2)", Errors.VALUE],
      ["PIVOTBY(A2:B6,B2:B6,C2:C6,SUM)", Errors.NA],
    ],
    cells,
  );
});
