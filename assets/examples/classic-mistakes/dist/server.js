// Leftover output of an old local "npm run build" (version 1.0.0).
// The Dockerfile copies this file from the context instead of the builder's output.
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 3000);

createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("visit-counter 1.0.0\n");
}).listen(port, () => console.log(`listening on :${port}`));
