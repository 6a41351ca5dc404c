/** Okapi BM25 over short documents (tool names and descriptions): the ranking used when no embedder is configured. */
const K1 = 1.2;
const B = 0.75;

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 1)
    .map(stem);
}

/** A light suffix stemmer, enough to match "payments" with "payment" and "calculating" with "calculate". */
function stem(token: string): string {
  for (const suffix of ["ations", "ation", "ings", "ing", "ies", "es", "s", "ed"]) {
    if (token.length > suffix.length + 2 && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

export function rankBm25(query: string, documents: readonly string[]): number[] {
  const docs = documents.map(tokenize);
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const terms = [...new Set(tokenize(query))];
  return docs.map((doc) => {
    const frequencies = new Map<string, number>();
    for (const term of doc) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    let score = 0;
    for (const term of terms) {
      const frequency = frequencies.get(term);
      if (!frequency) continue;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      score += (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * doc.length) / (averageLength || 1)));
    }
    return score;
  });
}
