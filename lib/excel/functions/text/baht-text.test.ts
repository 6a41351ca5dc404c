import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("BAHTTEXT", () => {
  itFormulas(
    [
      ["BAHTTEXT(1234)", "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"],
      ["BAHTTEXT(0)", "ศูนย์บาทถ้วน"],
      ["BAHTTEXT(11)", "สิบเอ็ดบาทถ้วน"],
      ["BAHTTEXT(101)", "หนึ่งร้อยหนึ่งบาทถ้วน"],
      ["BAHTTEXT(21.25)", "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"],
      ["BAHTTEXT(0.5)", "ห้าสิบสตางค์"],
      ["BAHTTEXT(0.001)", "ศูนย์บาทถ้วน"],
      ["BAHTTEXT(-1)", "ลบหนึ่งบาทถ้วน"],
      ["BAHTTEXT(1000001)", "หนึ่งล้านหนึ่งบาทถ้วน"],
      ["BAHTTEXT(2000000000000)", "สองล้านล้านบาทถ้วน"],
      ["BAHTTEXT(A1)", "หนึ่งร้อยบาทถ้วน"],
      ['BAHTTEXT("1,000")', "หนึ่งพันบาทถ้วน"],
      ['BAHTTEXT("x")', Errors.VALUE],
    ],
    { A1: 100 },
  );
});
