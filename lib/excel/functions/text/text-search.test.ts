import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("FIND and SEARCH", () => {
  itFormulas([
    ["FIND(\"M\",\"Miriam McGovern\")", 1],
    ["FIND(\"m\",\"Miriam McGovern\")", 6],
    ["FIND(\"M\",\"Miriam McGovern\",3)", 8],
    ["FIND(\"z\",\"abc\")", Errors.VALUE],
    ["FIND(\"\",\"abc\",2)", 2],
    ["FIND(\"a\",\"abc\",5)", Errors.VALUE],
    ["FIND(\"*\",\"a*c\")", 2],
    ["SEARCH(\"e\",\"Statements\",6)", 7],
    ["SEARCH(\"margin\",\"Profit Margin\")", 8],
    ["SEARCH(\"p?o\",\"Profit\")", 1],
    ["SEARCH(\"f*t\",\"Profit\")", 4],
    ["SEARCH(\"~*\",\"a*c\")", 2],
    ["SEARCH(\"x\",\"abc\")", Errors.VALUE],
    ["SEARCHB(\"B\",\"abc\")", 2],
    ["FINDB(\"c\",\"abc\")", 3],
  ]);
});

describe("TEXTBEFORE and TEXTAFTER", () => {
  itFormulas([
    ["TEXTBEFORE(\"Little Red Riding Hood's red hood\",\"Red\")", "Little "],
    ["TEXTBEFORE(\"Little Red Riding Hood's red hood\",\"red\",2,1)", "Little Red Riding Hood's "],
    ["TEXTBEFORE(\"Little Red Riding Hood's red hood\",\"red\",,1)", "Little "],
    ["TEXTBEFORE(\"Little Red Riding Hood's red hood\",\"red\",-1)", "Little Red Riding Hood's "],
    ["TEXTBEFORE(\"abc\",\"x\")", Errors.NA],
    ["TEXTBEFORE(\"abc\",\"x\",,,,\"none\")", "none"],
    ["TEXTBEFORE(\"abc\",\"x\",,,1)", "abc"],
    ["TEXTBEFORE(\"abc\",\"b\",0)", Errors.VALUE],
    ["TEXTAFTER(\"Little Red Riding Hood's red hood\",\"Red\")", " Riding Hood's red hood"],
    ["TEXTAFTER(\"Little Red Riding Hood's red hood\",\"red\",2,1)", " hood"],
    ["TEXTAFTER(\"Little Red Riding Hood's red hood\",\"red\",-2,1)", " Riding Hood's red hood"],
    ["TEXTAFTER(\"a-b_c\",{\"_\",\"-\"})", "b_c"],
  ]);
});

describe("TEXTSPLIT", () => {
  itFormulas([
    ["TEXTSPLIT(\"Dakota Lennon Sanchez\",\" \")", [["Dakota", "Lennon", "Sanchez"]]],
    ["TEXTSPLIT(\"1,2,3;4,5,6\",\",\",\";\")", [["1", "2", "3"], ["4", "5", "6"]]],
    ["TEXTSPLIT(\"Do. Or do not. There is no try. -Anonymous\",\".\")", [["Do", " Or do not", " There is no try", " -Anonymous"]]],
    ["TEXTSPLIT(\"a,,b\",\",\",,TRUE)", [["a", "b"]]],
    ["TEXTSPLIT(\"a,b;c\",\",\",\";\")", [["a", "b"], ["c", Errors.NA]]],
    ["TEXTSPLIT(\"a,b;c\",\",\",\";\",,,\"-\")", [["a", "b"], ["c", "-"]]],
    ["TEXTSPLIT(\"aXbxc\",\"x\",,,1)", [["a", "b", "c"]]],
  ]);
});

describe("regular expressions", () => {
  itFormulas([
    ["REGEXTEST(\"abc123\",\"[0-9]+\")", true],
    ["REGEXTEST(\"ABC\",\"abc\")", false],
    ["REGEXTEST(\"ABC\",\"abc\",1)", true],
    ["REGEXTEST(\"abc\",\"(\")", Errors.VALUE],
    ["REGEXEXTRACT(\"DylanWilliams\",\"[A-Z][a-z]+\")", "Dylan"],
    ["REGEXEXTRACT(\"DylanWilliams\",\"[A-Z][a-z]+\",1)", [["Dylan"], ["Williams"]]],
    ["REGEXEXTRACT(\"Dylan Williams\",\"(\\w+) (\\w+)\",2)", [["Dylan", "Williams"]]],
    ["REGEXEXTRACT(\"abc\",\"[0-9]\")", Errors.NA],
    ["REGEXREPLACE(\"a1b22c\",\"[0-9]+\",\"#\")", "a#b#c"],
    ["REGEXREPLACE(\"a1b22c\",\"[0-9]+\",\"#\",2)", "a1b#c"],
    ["REGEXREPLACE(\"Sonia Rees\",\"(\\w+) (\\w+)\",\"$2, $1\")", "Rees, Sonia"],
  ]);
});
