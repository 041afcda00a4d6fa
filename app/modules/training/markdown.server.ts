/**
 * Lesson, article and question Markdown → sanitised HTML, on the server only.
 * marked renders (GFM tables included); sanitize-html then keeps an allow-list of tags and attributes, so raw HTML
 * in the source can never carry scripts, event handlers or javascript: links. Images must be http(s) or site-relative.
 * A Markdown image whose address ends in a video extension becomes a <video> player, so trainers can embed clips
 * with the syntax they already know; other video links stay links.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const VIDEO_EXTENSION = /\.(mp4|webm|ogg|m3u8)(\?[^\s]*)?$/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    image({ href, title, text }) {
      const titleAttr = title ? ` title="${escapeAttr(title)}"` : "";
      if (VIDEO_EXTENSION.test(href)) {
        return `<video controls preload="metadata" src="${escapeAttr(href)}"${titleAttr}>${escapeText(text)}</video>`;
      }
      return `<img src="${escapeAttr(href)}" alt="${escapeAttr(text)}"${titleAttr} loading="lazy">`;
    },
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img",
    "video",
    "del",
    "ins",
    "sup",
    "sub",
    "details",
    "summary",
    "input",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "loading", "width", "height"],
    video: ["src", "controls", "preload", "title", "poster"],
    th: ["align", "colspan", "rowspan"],
    td: ["align", "colspan", "rowspan"],
    ol: ["start"],
    code: ["class"],
    input: ["type", "checked", "disabled"], // GFM task lists
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"], video: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // Outside links open in a new tab without handing the opener to the other site.
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? "");
      return {
        tagName,
        attribs: external ? { ...attribs, target: "_blank", rel: "noopener noreferrer" } : attribs,
      };
    },
    input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: "" } }),
  },
  allowedAttributesByTag: undefined,
} as sanitizeHtml.IOptions;
(SANITIZE.allowedAttributes as Record<string, string[]>).a.push("target", "rel");

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE);
}

/** Plain text of a Markdown document (for search indexes and previews). */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeAttr(value: string) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeText(value: string) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
