import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startAppServer();
  project.provide("e2eBaseUrl", server.baseUrl);
  return async () => {
    await server.stop();
  };
}
