// "Build": copy src/*.js to dist/, dropping full-line comments.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import pc from "picocolors";

await mkdir("dist", { recursive: true });
for (const file of await readdir("src")) {
  const code = await readFile(`src/${file}`, "utf8");
  const slim = code
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
  await writeFile(`dist/${file}`, slim);
  console.log(pc.green("built"), `dist/${file}`, pc.dim(`${code.length} -> ${slim.length} bytes`));
}
