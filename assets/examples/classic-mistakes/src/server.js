import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";

// The counter is stored on disk, so the process must be able to write data/.
const file = "data/visits.json";
const port = Number(process.env.PORT ?? 3000);

createServer(async (req, res) => {
  const { visits } = JSON.parse(await readFile(file, "utf8"));
  await writeFile(file, JSON.stringify({ visits: visits + 1 }) + "\n");
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end(`visit-counter 2.0.0: visit number ${visits + 1}\n`);
}).listen(port, () => console.log(`listening on :${port}`));
