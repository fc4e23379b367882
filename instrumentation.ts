/** Runs once when the server starts; the checks live in a Node-only module (see instrumentation-node.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStart } = await import('./instrumentation-node');
    checkConfigurationAtStart();
  }
}
