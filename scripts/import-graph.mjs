// npm run graph: the import graph of src/, checked against the layers of docs/architecture.md.
//   core (core, i18n) ← effects ← features (a11y, zh, export, audit…) ← elements ← entry (src/*.ts, cli)
// An import may point to its own layer or a lower one, never up; no file may reach itself again through its
// imports (static, dynamic, type-only or found by `import.meta.glob` alike). The bar's function folders
// (src/assistive-bar/functions/<name>/) are found by a glob only: no other file imports one by name, and
// none imports another. Prints the folder-to-folder summary; exits 1 on a violation.
import ts from 'typescript';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

export const LAYERS = ['core', 'effects', 'features', 'elements', 'entry'];

/** The layer of a file under src/, from its first folder. */
export function layerOf(file) {
  const [top, ...rest] = file.split('/');
  if (rest.length === 0 || top === 'cli') return 'entry';
  if (top === 'core' || top === 'i18n') return 'core';
  if (top === 'effects') return 'effects';
  if (top === 'elements') return 'elements';
  return 'features';
}

/** The folder a file is counted under in the summary (effects/a11y stays apart from effects). */
const groupOf = (file) => {
  const parts = file.split('/');
  if (parts.length === 1) return file.replace(/\.ts$/, '');
  return parts.length > 2 && (parts[0] === 'effects' || parts[0] === 'elements') ? `${parts[0]}/${parts[1]}` : parts[0];
};

function sourceFiles(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|json)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [relative(SRC, path)] : [];
  });
}

/** The files under src/ a Vite glob pattern (relative to `file`; `*` within one folder) matches. */
function globbed(file, pattern, files) {
  const abs = relative(SRC, resolve(dirname(join(SRC, file)), pattern));
  const re = new RegExp(`^${abs.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return files.filter((f) => re.test(f));
}

/** Relative imports of one file: { to, kind: 'static' | 'type' | 'dynamic' | 'glob' }. */
function importsOf(file, files) {
  const text = readFileSync(join(SRC, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const add = (spec, kind) => {
    if (!spec.startsWith('.')) return;
    let to = relative(SRC, resolve(dirname(join(SRC, file)), spec));
    if (!existsSync(join(SRC, to))) to = to.replace(/\.js$/, '.ts');
    found.push({ to, kind });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      add(node.moduleSpecifier.text, typeOnly ? 'type' : 'static');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0] ?? {})) {
      add(node.arguments[0].text, 'dynamic');
    } else if (ts.isCallExpression(node) && node.expression.getText?.(sf) === 'import.meta.glob' && ts.isStringLiteral(node.arguments[0] ?? {})) {
      for (const to of globbed(file, node.arguments[0].text, files)) found.push({ to, kind: 'glob' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function analyse() {
  const files = sourceFiles().sort();
  const edges = files.flatMap((from) => importsOf(from, files).map((e) => ({ from, ...e })));
  const missing = edges.filter((e) => !files.includes(e.to));
  const upward = edges.filter((e) => LAYERS.indexOf(layerOf(e.to)) > LAYERS.indexOf(layerOf(e.from)));

  // Cycles: depth-first search, each cycle reported once from where it was first entered.
  const next = new Map(files.map((f) => [f, edges.filter((e) => e.from === f).map((e) => e.to)]));
  const cycles = [];
  const state = new Map();
  const stack = [];
  const visit = (f) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  files.forEach((f) => state.has(f) || visit(f));

  const arrows = new Map();
  for (const e of edges) {
    const key = `${groupOf(e.from)} → ${groupOf(e.to)}`;
    if (groupOf(e.from) !== groupOf(e.to)) arrows.set(key, (arrows.get(key) ?? 0) + 1);
  }
  return { files, edges, missing, upward, cycles, arrows, ...barFunctions(files, edges) };
}

/** The folder of the bar's functions: one folder per function, each with an index.ts (its descriptor). */
export const FUNCTIONS_DIR = 'assistive-bar/functions/';
const folderOf = (file) => (file.startsWith(FUNCTIONS_DIR) ? file.slice(0, file.indexOf('/', FUNCTIONS_DIR.length) + 1) : null);

/**
 * The bar's function folders and what breaks "one new folder": a folder without an index.ts or that the glob
 * does not find, and any import of a function folder's file from outside it (a shared file naming a function,
 * or one function reaching into another).
 */
function barFunctions(files, edges) {
  const folders = [...new Set(files.map(folderOf).filter(Boolean))];
  const globbedIn = edges.filter((e) => e.kind === 'glob').map((e) => e.to);
  const unfound = folders.filter((d) => !files.includes(`${d}index.ts`) || !globbedIn.includes(`${d}index.ts`));
  const byName = edges.filter((e) => e.kind !== 'glob' && folderOf(e.to) && folderOf(e.to) !== folderOf(e.from));
  return { functionFolders: folders, unfound, byName };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, edges, missing, upward, cycles, arrows, functionFolders, unfound, byName } = analyse();
  console.log(`Import graph of src/: ${files.length} files, ${edges.length} imports ` +
    `(${edges.filter((e) => e.kind === 'dynamic').length} dynamic, ${edges.filter((e) => e.kind === 'type').length} type-only, ` +
    `${edges.filter((e) => e.kind === 'glob').length} found by a glob).`);
  console.log(`Bar functions, one folder each under src/${FUNCTIONS_DIR}: ${functionFolders.map((d) => d.slice(FUNCTIONS_DIR.length, -1)).join(', ')}`);
  console.log(`Layers, lowest first: ${LAYERS.join(' ← ')}`);
  for (const layer of LAYERS) {
    const groups = [...new Set(files.filter((f) => layerOf(f) === layer).map(groupOf))];
    console.log(`  ${layer.padEnd(9)} ${groups.join(', ')}`);
  }
  console.log('Arrows between folders (imports):');
  for (const [key, n] of [...arrows].sort()) console.log(`  ${key} (${n})`);
  for (const e of missing) console.log(`MISSING ${e.from} imports ${e.to}, which is not a file under src/`);
  for (const e of upward) console.log(`UPWARD  ${e.from} (${layerOf(e.from)}) imports ${e.to} (${layerOf(e.to)}) [${e.kind}]`);
  for (const c of cycles) console.log(`CYCLE   ${c.join(' → ')}`);
  for (const d of unfound) console.log(`UNFOUND ${d} has no index.ts that the bar's glob finds`);
  for (const e of byName) console.log(`BYNAME  ${e.from} imports ${e.to}: a function folder is found by the glob, never imported by name`);
  console.log(`${cycles.length} cycles, ${upward.length} upward imports, ${missing.length} unresolved, ` +
    `${unfound.length + byName.length} bar function folders not found by the glob alone.`);
  process.exit(cycles.length || upward.length || missing.length || unfound.length || byName.length ? 1 : 0);
}
