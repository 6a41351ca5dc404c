/** TypeScript identifiers for formula functions: `Loan_B10_monthlyPayment`, unique within a model. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

function camel(text: string, maxWords: number): string {
  return words(text)
    .slice(0, maxWords)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
}

export function createFormulaNamer(): (sheet: string, address: string, label: string | undefined) => string {
  const used = new Set<string>();
  return (sheet, address, label) => {
    const sheetPart = words(sheet).join("_") || "Sheet";
    let base = `${/^[0-9]/.test(sheetPart) ? `S${sheetPart}` : sheetPart}_${address}`;
    const labelPart = label ? camel(label, 5) : "";
    if (labelPart) base += `_${/^[0-9]/.test(labelPart) ? `n${labelPart}` : labelPart}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  };
}
