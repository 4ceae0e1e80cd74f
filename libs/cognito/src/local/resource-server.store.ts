import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '@keyport/common';

export interface StoredResourceServer {
  UserPoolId: string;
  Identifier: string;
  Name: string;
  Scopes: Array<{ ScopeName: string; ScopeDescription: string }>;
}

export const RESOURCE_SERVERS_FILE = 'resource-servers.json';

/** The embedded Cognito's resource servers (cognito-local has none), in one small owner-only file. */
export class ResourceServerStore {
  private readonly file: string;
  private cache?: StoredResourceServer[];

  constructor(dataDir: string) {
    this.file = path.join(dataDir, RESOURCE_SERVERS_FILE);
  }

  async get(userPoolId: string, identifier: string): Promise<StoredResourceServer | undefined> {
    return (await this.all()).find((s) => s.UserPoolId === userPoolId && s.Identifier === identifier);
  }

  async put(server: StoredResourceServer): Promise<void> {
    const others = (await this.all()).filter((s) => !(s.UserPoolId === server.UserPoolId && s.Identifier === server.Identifier));
    const next = [...others, server];
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    await rename(tmp, this.file);
    this.cache = next;
  }

  private async all(): Promise<StoredResourceServer[]> {
    if (this.cache) return this.cache;
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      this.cache = Array.isArray(parsed) ? (parsed as StoredResourceServer[]) : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.cache = [];
    }
    return this.cache;
  }
}
