import { formatValue } from "@/lib/excel/number-format";
const cases: [number | string, string][] = [
  [1234.5, "#,##0.00_);[Red](#,##0.00)"], [-1234.5, "#,##0.00_);[Red](#,##0.00)"], [45292, "[$-409]mmmm d, yyyy;@"],
  [45292.5, "mm/dd/yyyy h:mm"], [0.5, "0.00%"], [1234.5, "General"], [-1234.5, "General"], [12, "00"], [45292, "d-mmm-yy"],
  [3.14159, "# ??/??"], [0, "0.00;-0.00;\"-\""], [1e-7, "General"], [123456789012, "General"], [45292, "dddd"],
  [1.5, "[h]:mm:ss"], [0.75, "h AM/PM"], [1234.5, "$#,##0"], [0.1, "0%"], ["abc", "@"], [42, "\"Total: \"0"], [1234567.891, "#,##0.000"],
  [5, "0.0E+00"], [-5, "0.00;(0.00)"], [45292, "yyyy"], [1, "[=1]\"one\";[=2]\"two\";0"], [2, "[=1]\"one\";[=2]\"two\";0"], [3, "[=1]\"one\";[=2]\"two\";0"],
  [0.123, ".00"], [100, "#,###"], [0, "#,###"], [-0.5, "0"], [45292.99999, "yyyy-mm-dd hh:mm:ss"],
];
for (const [v, f] of cases) console.log(JSON.stringify(v), JSON.stringify(f), "=>", JSON.stringify(formatValue(v, f)));
