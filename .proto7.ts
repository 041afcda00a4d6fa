const ost = globalThis.setTimeout; (globalThis as any).setTimeout = (fn: any, ms?: number, ...a: any[]) => { if ((ms ?? 0) > 1000) console.log("TIMEOUT", ms, (performance.now()|0), new Error().stack?.split("\n").slice(2,12).join("\n")); return ost(fn, ms, ...a); };
const oct = globalThis.clearTimeout; (globalThis as any).clearTimeout = (h: any) => { console.log("CLEAR", (performance.now()|0)); return oct(h); };
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, pgliteFactory } from "./prisma/migrate-engine";
const p = new PGlite(process.argv[2]); await p.waitReady; console.log("ready", performance.now()|0);
console.log(await applyMigrations(pgliteFactory(p)), performance.now()|0);
await p.close(); console.log("closed", performance.now()|0, process.getActiveResourcesInfo());
process.on("exit", () => console.log("exit", performance.now()|0));
