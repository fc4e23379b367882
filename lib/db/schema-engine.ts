/**
 * Loads Prisma's schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`), which runs
 * migrations offline through a driver adapter instead of the native binary the Prisma CLI downloads.
 *
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot
 * import, so the module is compiled here by hand and wired to its JS glue the way that entry point would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

let loaded: typeof glue | undefined;

function loadGlue(): typeof glue {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
  // The glue module's exports are exactly the imports the .wasm asks for, under this module name. One
  // change: each engine command arms a 10 s timer (a timeout it races) and leaves it pending; unref it so
  // that it does not hold a CLI process open for 10 s after its work is done.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': imports as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = glue;
  return glue;
}

/**
 * Starts a schema engine over `adapterFactory` (its `connectToShadowDb` is used when a command needs a
 * shadow database). `schema` is the Prisma schema text, for commands that read it from the engine's
 * state; the commands used here all take their inputs explicitly. Call `free()` when done.
 */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  opts: { schema?: { path: string; content: string }; log?: (line: string) => void } = {},
): Promise<SchemaEngine> {
  const { SchemaEngine } = loadGlue();
  const datamodels: [string, string][] | undefined = opts.schema ? [[opts.schema.path, opts.schema.content]] : undefined;
  const log = opts.log ?? (() => {});
  return SchemaEngine.new({ datamodels }, (line: string) => log(String(line)), bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

export type { SchemaEngine };
