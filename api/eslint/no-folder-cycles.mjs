// ESLint rule `lava/no-folder-cycles`: no cycle between the feature folders of api/src/app.
// Each folder (assessments/, consultations/, common/…) may depend on others, but never on one that
// depends back on it, directly or round about. The folder graph is read once per lint run from the
// non-test sources (tests may cross freely); an import is reported when its target folder reaches
// the importing folder again. Files directly in app/ (app.module, configure-app, api-messages) are
// the composition root: they may import any folder, and no folder imports them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;
const isSource = (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.int-spec.ts');

/** The folder of `file` under `appRoot` ('.' for a file directly in it), or null outside it. */
function folderOf(appRoot, file) {
  const rel = relative(appRoot, file);
  if (rel.startsWith('..')) return null;
  return rel.includes(sep) ? rel.split(sep)[0] : '.';
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : isSource(path) ? [path] : [];
  });
}

/** folder → folder → the first file import seen that makes the edge (for the message). */
function folderGraph(appRoot) {
  const graph = new Map();
  for (const file of sources(appRoot)) {
    const from = folderOf(appRoot, file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(appRoot, normalize(join(dirname(file), match[1])));
      if (to === null || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, `${relative(appRoot, file)} → ${match[1]}`);
    }
  }
  return graph;
}

/** A path of folders from `start` to `goal` in the graph, or null. */
function pathBetween(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === goal) {
      const path = [];
      for (let at = goal; at !== null; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

const graphs = new Map();

export const noFolderCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between the folders of api/src/app.' },
    schema: [{ type: 'object', properties: { appRoot: { type: 'string' } }, required: ['appRoot'], additionalProperties: false }],
    messages: {
      cycle:
        "'{{from}}' imports '{{to}}', which leads back to '{{from}}' ({{path}}; first import: {{via}}). Move the shared piece down (common/, or the folder both use) instead.",
    },
  },
  create(context) {
    const appRoot = context.options[0].appRoot;
    const file = context.filename;
    const from = folderOf(appRoot, file);
    if (from === null || from === '.' || !isSource(file)) return {};
    if (!graphs.has(appRoot)) graphs.set(appRoot, folderGraph(appRoot));
    const graph = graphs.get(appRoot);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = folderOf(appRoot, normalize(join(dirname(file), spec)));
      if (to === null || to === from) return;
      const back = pathBetween(graph, to, from);
      if (back === null) return;
      const via = graph.get(back[back.length - 2])?.get(from) ?? '';
      context.report({ node, messageId: 'cycle', data: { from, to, path: [from, ...back].join(' → '), via } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-folder-cycles': noFolderCycles } };
