import type { MetaFunction } from "@remix-run/node";

/** Uses the `pageTitle` the loader translated (see modules/i18n/page-title.server.ts). */
export const titleFromLoader: MetaFunction = ({ data }) => {
  const title = data && typeof data === "object" && "pageTitle" in data ? String(data.pageTitle) : "";
  return title ? [{ title }] : [];
};
