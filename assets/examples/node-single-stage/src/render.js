import escapeHtml from "escape-html";

// Renders the guestbook page. Every entry is escaped before it reaches HTML.
export function renderPage(entries) {
  const items = entries.map((text) => `<li>${escapeHtml(text)}</li>`).join("");
  return `<!doctype html>
<title>Guestbook</title>
<h1>Guestbook</h1>
<ul>${items}</ul>
<form method="post"><input name="text"><button>Sign</button></form>`;
}
