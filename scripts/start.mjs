#!/usr/bin/env node
// `npm start`: installs dependencies if needed, then serves the app with Vite's dev server.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps();
const child = spawn(join(root, 'node_modules', '.bin', 'vite'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 0));
