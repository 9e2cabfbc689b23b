import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules';
import { clientRoutes } from './assets';

describe('routes.txt, the client routes the server answers 200 for', () => {
  it("lists the home page and exactly every module's routes, in registry-independent order", () => {
    const fromRegistry = ['/', ...MODULES.flatMap((m) => m.routes.map((r) => r.path))].sort();
    expect(clientRoutes(join(__dirname, '../src/modules')).sort()).toEqual(fromRegistry);
  });
});
