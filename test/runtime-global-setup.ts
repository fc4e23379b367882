/** Prints once per vitest run which Node runs the tests (npm scripts and npx put the bundled Node 24 first). */
import { describeRuntime } from '@/lib/runtime/node-runtime';

export default function setup() {
  console.log(describeRuntime('vitest'));
}
