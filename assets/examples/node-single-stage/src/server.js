import { createServer } from "node:http";
import { renderPage } from "./render.js";

// Entries live in memory only: this is a demo app.
const entries = ["Hello from the guestbook!"];
const port = Number(process.env.PORT ?? 3000);

createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const text = new URLSearchParams(body).get("text");
      if (text) entries.push(text.slice(0, 200));
      res.writeHead(303, { Location: "/" }).end();
    });
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(renderPage(entries));
}).listen(port, () => console.log(`guestbook listening on :${port}`));
