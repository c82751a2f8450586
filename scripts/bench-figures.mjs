// Keeps docs/figures.md: one section per bench holding what it printed at its last run, with the machine and
// the date. A run of some benches replaces their sections only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEAD = `# Measured figures

Written by \`npm run bench\`; do not edit by hand. Each section is what one bench (\`bench/<name>.bench.mjs\`)
printed at its last run, with the machine it ran on. Shared machines are noisy: compare the ratios printed
in one run, not absolute times across sections. See [performance.md](performance.md) for what is measured.
`;

/** Section name → its text, from an existing figures file. */
function readSections(file) {
  const sections = new Map();
  if (!existsSync(file)) return sections;
  const parts = readFileSync(file, 'utf8').split(/^## /m).slice(1);
  for (const part of parts) {
    const name = part.slice(0, part.indexOf('\n')).trim();
    sections.set(name, `## ${part.trimEnd()}\n`);
  }
  return sections;
}

export function writeFigures(file, printed, machine) {
  if (printed.size === 0) return;
  const sections = readSections(file);
  const date = new Date().toISOString().slice(0, 10);
  for (const [name, lines] of printed) {
    sections.set(name, `## ${name}\n\n${date} · ${machine}\n\n\`\`\`text\n${lines.join('\n').trimEnd()}\n\`\`\`\n`);
  }
  const body = [...sections.keys()].sort().map((name) => sections.get(name)).join('\n');
  writeFileSync(file, `${HEAD}\n${body}`);
}
