import { describe, expect, it } from "vitest";
import { xmlElements } from "@/lib/excel/workbook/xml-elements";

describe("xmlElements", () => {
  it("yields each element's attributes and body, self-closing and prefixed ones included", () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><x:c r="B1"/><col/><c r="C1"><v>3</v></c></row></sheetData>';
    expect([...xmlElements(xml, "c")]).toEqual([
      { attributes: ' r="A1" t="e"', body: "<f>1/0</f><v>#DIV/0!</v>" },
      { attributes: ' r="B1"', body: "" },
      { attributes: ' r="C1"', body: "<v>3</v>" },
    ]);
  });

  it("ends a body whose closing tag is missing at the next element, never spanning it", () => {
    const xml = '<c r="A1"><v>1</v><c r="A2"><v>2</v><c r="A3"><v>3</v></c>';
    expect([...xmlElements(xml, "c")].map((e) => e.body)).toEqual(["<v>1</v>", "<v>2</v>", "<v>3</v>"]);
    expect([...xmlElements('<c r="A1"><v>1</v><c r="A2"', "c")].map((e) => e.attributes)).toEqual([' r="A1"']);
  });
});
