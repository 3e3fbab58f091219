/**
 * Statement Markdown → HTML, on the server. Statements are reviewed files, but
 * mentors will soon write them in the browser too: raw HTML in the Markdown is
 * shown as text and links may only use safe schemes, so a statement can never
 * inject script into a candidate's page.
 */
import { Marked } from "marked";

const SAFE_HREF = /^(https?:|mailto:|#|\/(?!\/))/i;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const marked = new Marked({
  gfm: true,
  renderer: {
    html(token) {
      return escapeHtml(token.text);
    },
    link(token) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_HREF.test(token.href.trim())) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      return `<a href="${escapeHtml(token.href)}"${title} rel="noopener noreferrer">${text}</a>`;
    },
    image(token) {
      // No remote images: the app works offline and a statement must not track readers.
      return escapeHtml(token.text);
    },
  },
});

export function renderMarkdown(md: string): string {
  return marked.parse(md, { async: false });
}
