// "Build": copy src/ to dist/ and create the data directory with a fresh counter.
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";

await mkdir("dist", { recursive: true });
for (const file of await readdir("src")) {
  await copyFile(`src/${file}`, `dist/${file}`);
}

await mkdir("data", { recursive: true });
await writeFile("data/visits.json", JSON.stringify({ visits: 0 }) + "\n");
console.log("built dist/ and data/");
