// Tiny static-site "build": copies src/ to dist/ and stamps the build time.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";

const stamp = new Date().toISOString();
await mkdir("dist", { recursive: true });

for (const name of await readdir("src")) {
  let text = await readFile(`src/${name}`, "utf8");
  if (name.endsWith(".html")) {
    text = text.replaceAll("%BUILD_TIME%", stamp);
  }
  await writeFile(`dist/${name}`, text);
  console.log(`built dist/${name}`);
}
