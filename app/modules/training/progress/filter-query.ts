/** Shared by the report pages (browser) and their loaders. */
/** The query string of a filter, for links between the report pages and their CSV exports. */
export function filterQuery(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
