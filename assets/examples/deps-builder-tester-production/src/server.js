import { createServer } from "node:http";
import { describeUptime } from "./uptime.js";

const port = Number(process.env.PORT ?? 3000);

const server = createServer((req, res) => {
  const body = JSON.stringify({ status: "ok", uptime: describeUptime(process.uptime()) });
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(body + "\n");
});

server.listen(port, () => {
  console.log(`uptime-service listening on :${port}`);
});
