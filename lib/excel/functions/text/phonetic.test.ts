import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("PHONETIC", () => {
  itFormulas(
    [
      ["PHONETIC(A1)", "東京"],
      ["PHONETIC(A1:B2)", "東京"],
      ["PHONETIC(B1)", "12"],
      ["PHONETIC(C1)", ""],
      ['PHONETIC("abc")', Errors.VALUE],
    ],
    { A1: "東京", B1: 12 },
  );
});
