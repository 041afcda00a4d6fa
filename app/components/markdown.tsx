/** Shows HTML produced by renderMarkdown() on the server (already sanitised there). */
export function MarkdownContent({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`prose prose-slate max-w-none prose-headings:font-semibold prose-a:text-brand-700 prose-img:rounded prose-table:text-sm ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
