// The registry of the web app's feature modules, in header order. Adding a module: create
// web/src/modules/<m>/ with its messages.ts and an index.tsx exporting its WebModule, then list
// it here — nothing else in the app names a module.
import type { WebModule } from '../kit/module';
import { accounts } from './accounts';
import { diagnostics } from './diagnostics';
import { field } from './field';
import { plan } from './plan';
import { saisines } from './saisines';

export const MODULES: readonly WebModule[] = [plan, diagnostics, field, saisines, accounts];
