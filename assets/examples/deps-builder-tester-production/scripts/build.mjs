// "Build": copy src/*.js to dist/ with a version banner on top.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import pc from "picocolors";

const { name, version } = JSON.parse(await readFile("package.json", "utf8"));
const banner = `// ${name} ${version}, built ${new Date().toISOString()}\n`;

await mkdir("dist", { recursive: true });
for (const file of await readdir("src")) {
  const code = await readFile(`src/${file}`, "utf8");
  await writeFile(`dist/${file}`, banner + code);
  console.log(pc.green("built"), `dist/${file}`);
}
