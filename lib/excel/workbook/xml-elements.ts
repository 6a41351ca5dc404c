/**
 * The elements named `tag` (any namespace prefix) in document order, found in one forward pass. An element's
 * body ends at its closing tag or at the next element of the same name, whichever comes first, so damaged
 * XML (closing tags missing) costs linear time where a lazy `<c>[\s\S]*?</c>` expression is quadratic.
 * Not for elements nested in themselves.
 */
export interface XmlElement {
  /** The start tag's attribute text (` r="A1" t="e"`). */
  readonly attributes: string;
  /** Text between the start tag and its end (empty for `<x/>`). */
  readonly body: string;
}

export function* xmlElements(xml: string, tag: string): Generator<XmlElement> {
  const open = new RegExp(`<(?:\\w+:)?${tag}(?=[\\s/>])`, "g");
  const close = new RegExp(`</(?:\\w+:)?${tag}\\s*>`, "g");
  // The next '>' and the next closing tag, searched again only once the cursor has passed them.
  let gt = -1;
  let closing = -1;
  let closingsLeft = true;
  let start = open.exec(xml);
  while (start) {
    if (gt <= start.index) gt = xml.indexOf(">", start.index);
    if (gt < 0) return;
    const headEnd = gt;
    const head = xml.slice(start.index + start[0].length, headEnd);
    open.lastIndex = headEnd + 1;
    const next = open.exec(xml);
    const limit = next ? next.index : xml.length;
    let body = "";
    if (!head.endsWith("/")) {
      if (closingsLeft && closing <= headEnd) {
        close.lastIndex = headEnd + 1;
        const found = close.exec(xml);
        closingsLeft = found !== null;
        closing = found ? found.index : -1;
      }
      body = xml.slice(headEnd + 1, closingsLeft && closing < limit ? closing : limit);
    }
    yield { attributes: head.endsWith("/") ? head.slice(0, -1) : head, body };
    start = next;
  }
}
