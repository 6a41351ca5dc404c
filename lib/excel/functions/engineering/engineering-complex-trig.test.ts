import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Microsoft's documented examples for "4+3i", compared part by part to 12 decimals.
const parts = (name: string, re: number, im: number) =>
  [
    [`IMREAL(${name}("4+3i"))`, re, 12],
    [`IMAGINARY(${name}("4+3i"))`, im, 12],
  ] as const;

describe("complex trigonometric and hyperbolic functions", () => {
  itFormulas([
    ...parts("IMCOT", 0.00490118239430447, -0.999266927805902),
    ...parts("IMSEC", -0.0652940278579471, -0.0752249603027732),
    ...parts("IMCSC", -0.0754898329158637, 0.0648774713706355),
    ...parts("IMSINH", -27.0168132580039, 3.85373803791938),
    ...parts("IMCOSH", -27.0349456030742, 3.85115333481178),
    ...parts("IMSECH", -0.0362534969158689, -0.00516434460775318),
    ...parts("IMCSCH", -0.036275889628626, -0.0051744731840194),
  ]);
  itFormulas([
    ['IMTAN("4+3i")', "0.00490825806749606+1.00070953606723i"],
    ['IMTAN("3+4i")', "-0.000187346204629478+0.999355987381473i"],
    ['IMTAN("2-i")', "-0.243458201185725-1.16673625724092i"],
    ["IMTAN(COMPLEX(1,-1))", "0.271752585319512-1.08392332733869i"],
    ["IMTAN(0.5)", "0.54630248984379"],
    ['IMSINH("0")', "0"],
    ['IMCOSH("0")', "1"],
    ['IMTAN("0")', "0"],
    ['IMSEC("0")', "1"],
    ['IMCSC("0")', Errors.NUM],
    ['IMCOT("0")', Errors.NUM],
    ['IMCSCH("0")', Errors.NUM],
    ["IMSECH(0)", "1"],
    ['IMSINH("1+2j")', "-0.489056259041294+1.40311925062204j"],
    ["IMTAN(TRUE)", Errors.VALUE],
    ['IMCOT("x")', Errors.NUM],
    ["IMSIN(FALSE)", Errors.VALUE],
  ]);
});
