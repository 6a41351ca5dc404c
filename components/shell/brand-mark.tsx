/** The Candlefish mark: a flame, drawn inline so it needs no image request or emoji font. */
export function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline-block h-4 w-4 align-[-2px] text-brand-500">
      <path fill="currentColor" d="M8 1c1.5 2.5 4 4.2 4 7.3A4 4 0 0 1 4 8.3C4 6.6 5 5.4 6 4.5c0 1.4.6 2.3 1.5 2.6C7.2 5 7.6 2.8 8 1Z" />
    </svg>
  );
}
