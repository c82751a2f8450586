// Build step for old kernels: Chromium 83 parses private fields (`#x = 1`) but not private methods or accessors
// (`#m() {}`, `get #x() {}`, Chromium 84+). Lowering them the standard way turns every private member of the
// class into a WeakMap/WeakSet with helper calls (+1.1 KB gzip on the first load). Instead each private method
// becomes a private field holding an arrow function, and each private getter one called where it is read.
// Same brand check, same `this`/`super`: private methods are installed on the instance before any field, so
// the new fields go first in the class body.
import ts from 'typescript';

const isPrivate = (m) => m.name && ts.isPrivateIdentifier(m.name);
const isStatic = (m) => m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword) ?? false;
const isAsync = (m) => m.modifiers?.some((k) => k.kind === ts.SyntaxKind.AsyncKeyword) ?? false;

/** Rewrites one TypeScript module; returns null when it has no private methods or accessors. */
export function privateMethodsToFields(code, fileName = 'module.ts') {
  if (!/(^|\s)(static\s+|async\s+|get\s+)*#\w+\s*[(<]/m.test(code)) return null;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = []; // [start, end, text]
  const text = (node) => code.slice(node.getStart(source), node.end);

  const visitClass = (cls) => {
    const methods = cls.members.filter((m) => isPrivate(m) && ts.isMethodDeclaration(m) && m.body);
    const getters = cls.members.filter((m) => isPrivate(m) && ts.isGetAccessorDeclaration(m) && m.body);
    if (cls.members.some((m) => isPrivate(m) && ts.isSetAccessorDeclaration(m))) {
      throw new Error(`${fileName}: private setters are not supported by the Chromium 83 build step`);
    }
    if (!methods.length && !getters.length) return;
    // Reads of a private getter become calls (`this.#x` → `this.#x()`), also inside the members that move.
    const getterNames = new Set(getters.map((g) => g.name.text));
    const callPoints = [];
    const findReads = (node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isPrivateIdentifier(node.name) && getterNames.has(node.name.text)) {
        const parent = node.parent;
        if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
          throw new Error(`${fileName}: assignment to private getter ${node.name.text}`);
        }
        callPoints.push(node.end);
      }
      ts.forEachChild(node, findReads);
    };
    if (getterNames.size) for (const m of cls.members) findReads(m);
    const textWithCalls = (node) => {
      const start = node.getStart(source);
      let out = '';
      let at = start;
      for (const p of callPoints.filter((p) => p > start && p <= node.end).sort((a, b) => a - b)) {
        out += `${code.slice(at, p)}()`;
        at = p;
      }
      return out + code.slice(at, node.end);
    };
    const fields = [];
    const moved = [];
    for (const m of [...methods, ...getters]) {
      if (m.asteriskToken) throw new Error(`${fileName}: private generator ${m.name.text} is not supported by the Chromium 83 build step`);
      const typeParams = m.typeParameters ? `<${m.typeParameters.map(text).join(', ')},>` : '';
      const params = m.parameters.map(text).join(', ');
      const type = m.type ? `: ${text(m.type)}` : '';
      fields.push(`${isStatic(m) ? 'static ' : ''}${m.name.text} = ${isAsync(m) ? 'async ' : ''}${typeParams}(${params})${type} => ${textWithCalls(m.body)};`);
      moved.push([m.getFullStart(), m.end]);
      edits.push([m.getFullStart(), m.end, '']);
    }
    for (const p of callPoints) if (!moved.some(([s, e]) => p > s && p <= e)) edits.push([p, p, '()']);
    edits.push([cls.members.pos, cls.members.pos, `\n${fields.join('\n')}\n`]);
  };

  const visit = (node) => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) visitClass(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return null;
  // Apply from the end so earlier offsets stay valid; an insertion at a removed member's end sorts after it.
  edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let out = code;
  for (const [start, end, insert] of edits) out = out.slice(0, start) + insert + out.slice(end);
  return out;
}

/** The Vite plugin: only the project's own TypeScript (dependencies have no private methods in the site build). */
export const privateMethodsPlugin = {
  name: 'yidu:private-methods-to-fields',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('/src/') || !/\.ts$/.test(id)) return null;
    const out = privateMethodsToFields(code, id);
    return out === null ? null : { code: out, map: null };
  },
};

/**
 * With `useDefineForClassFields: false` the TypeScript step writes `static styles = …` as `static{this.styles=…}`;
 * lowering a static block (Chromium 94+) also lowers every private field of its class. A block that only assigns
 * `this.x` becomes the static field again (same order; nothing up the chain has a static setter for these).
 */
export function staticBlocksToFields(code) {
  if (!/static\s*{/.test(code)) return code;
  const source = ts.createSourceFile('chunk.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const assignments = (expr, out) => {
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.CommaToken) {
      return assignments(expr.left, out) && assignments(expr.right, out);
    }
    if (ts.isParenthesizedExpression(expr)) return assignments(expr.expression, out);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(expr.left) && expr.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      ts.isIdentifier(expr.left.name)) {
      out.push(`static ${expr.left.name.text}=${code.slice(expr.right.getStart(source), expr.right.end)};`);
      return true;
    }
    return false;
  };
  const visit = (node) => {
    if (ts.isClassStaticBlockDeclaration(node)) {
      const fields = [];
      if (node.body.statements.every((s) => ts.isExpressionStatement(s) && assignments(s.expression, fields))) {
        edits.push([node.getStart(source), node.end, fields.join('')]);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

// fontkit (the PDF export's font subsetter) copies font tables with structuredClone (Chromium 98+). Where it is
// missing, a copy of what those tables hold (plain objects, arrays, dates, typed arrays) does the same; the
// page's own globals are left alone.
const CLONE_FALLBACK = `function yiduClone(v) {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime());
  if (ArrayBuffer.isView(v)) return v.slice();
  if (Array.isArray(v)) return v.map(yiduClone);
  const out = {};
  for (const k of Object.keys(v)) out[k] = yiduClone(v[k]);
  return out;
}`;

export const oldKernelFallbacksPlugin = {
  name: 'yidu:old-kernel-fallbacks',
  transform(code, id) {
    if (!id.includes('/@cantoo/fontkit/') || !code.includes('return structuredClone(value);')) return null;
    return {
      code: `${code.replace('return structuredClone(value);', "return typeof structuredClone === 'function' ? structuredClone(value) : yiduClone(value);")}\n${CLONE_FALLBACK}\n`,
      map: null,
    };
  },
};
