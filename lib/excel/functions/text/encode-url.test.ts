import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";

describe("ENCODEURL", () => {
  itFormulas([
    ['ENCODEURL("http://contoso.sharepoint.com/Finance/Profit and Loss Statement.xlsx")', "http%3A%2F%2Fcontoso.sharepoint.com%2FFinance%2FProfit%20and%20Loss%20Statement.xlsx"],
    ['ENCODEURL("a-b_c.d~e")', "a-b_c.d~e"],
    ['ENCODEURL("(1)*!\'")', "%281%29%2A%21%27"],
    ['ENCODEURL("é")', "%C3%A9"],
    ["ENCODEURL(12.5)", "12.5"],
    ["ENCODEURL(TRUE)", "TRUE"],
  ]);
});
