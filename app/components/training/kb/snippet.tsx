import type { SnippetPart } from "~/modules/training/kb/kb";

/** A search-result excerpt with the matched terms marked. */
export function Snippet({
  parts,
  truncatedStart,
  truncatedEnd,
}: {
  parts: SnippetPart[];
  truncatedStart: boolean;
  truncatedEnd: boolean;
}) {
  return (
    <p className="mt-1 text-sm leading-6 text-slate-600">
      {truncatedStart ? "…" : null}
      {parts.map((part, index) =>
        part.hit ? (
          <mark key={index} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
      {truncatedEnd ? "…" : null}
    </p>
  );
}
