/**
 * The supported runtime: Node.js 24 LTS. The `node` devDependency puts Node 24 first on PATH for every npm
 * script (and for `npx`), whatever Node ran `npm install`; these helpers say which Node actually runs, so the
 * dev script, the test harnesses and the server print it once at start and a wrong one is noticed.
 */
export const SUPPORTED_NODE_MAJOR = 24;

/** The running Node's major version (24 for `v24.21.0`). */
export function nodeMajor(version: string = process.version): number {
  return Number.parseInt(version.replace(/^v/, ''), 10);
}

/** One line for logs: `Node v24.21.0 (/path/to/node)`, plus a warning when it is not the supported major. */
export function describeRuntime(label: string): string {
  const line = `${label}: Node ${process.version} (${process.execPath})`;
  return nodeMajor() === SUPPORTED_NODE_MAJOR
    ? line
    : `${line} — WARNING: not Node ${SUPPORTED_NODE_MAJOR}; run through npm scripts or npx (node_modules/.bin/node is Node ${SUPPORTED_NODE_MAJOR}).`;
}
