import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { DiagnoseMigrationHistoryInput, DiagnoseMigrationHistoryOutput, DiffParams, DiffResult, MigrationList } from '@prisma/schema-engine-wasm';
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, readMigrationsFolder } from './migrations-folder';

export interface WasmSchemaEngine {
  diff(params: DiffParams): Promise<DiffResult>;
  diagnoseMigrationHistory(input: DiagnoseMigrationHistoryInput): Promise<DiagnoseMigrationHistoryOutput>;
  free(): void;
}

interface SchemaEngineBindings {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      log: (line: string) => void,
      adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
    ) => Promise<WasmSchemaEngine>;
  };
}

// The project compiles without the DOM lib, which is where TypeScript declares WebAssembly.
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, Record<string, unknown>>): Promise<{ exports: Record<string, unknown> }>;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

// The wasm-bindgen glue keeps one module-level instance, so the .wasm is instantiated once per process.
let bindings: Promise<SchemaEngineBindings> | undefined;

function loadSchemaEngine(): Promise<SchemaEngineBindings> {
  bindings ??= (async () => {
    // The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node cannot load:
    // import the JS glue alone and hand it an instance we compile from the .wasm file ourselves.
    const requireHere = createRequire(__filename);
    const gluePath = requireHere.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as SchemaEngineBindings & Record<string, unknown>;
    const wasmBytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const module = await webAssembly.compile(wasmBytes);
    const instance = await webAssembly.instantiate(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

// The glue reports Rust panics through this global, as Prisma's CLI sets it up.
function installPanicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(m: string) {
      this.message = `RuntimeError: ${m}`;
    },
  };
}

/** Prisma's schema engine (wasm), talking to the database through a bound driver adapter factory. */
export async function createSchemaEngine(
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  datamodels?: [string, string][],
  log: (line: string) => void = () => undefined,
): Promise<WasmSchemaEngine> {
  installPanicRegistry();
  const { SchemaEngine } = await loadSchemaEngine();
  return SchemaEngine.new({ datamodels }, log, adapterFactory);
}

/** The migrations folder as Prisma's CLI hands it to the engine. */
export async function migrationList(migrationsDir: string): Promise<MigrationList> {
  const migrations = await readMigrationsFolder(migrationsDir);
  // The engine needs the lock file to pick a connector; a new project may not have written it yet.
  const lockContent = await readFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), 'utf8').catch(() => MIGRATION_LOCK_CONTENT);
  return {
    baseDir: migrationsDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.script } },
    })),
  };
}
