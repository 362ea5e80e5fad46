#!/usr/bin/env node
/*
 * `npm stop`: `office-addin-debugging stop manifest.xml web`, which ends the dev server `npm start`
 * started. It kills only the process it recorded (the shell running `npm run dev-server`); on
 * Linux and macOS webpack would outlive it, so this first ends that process's whole group
 * (it was started detached, as a group leader).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const pid = require('office-addin-debugging/lib/debugInfo').readDevServerProcessId();
if (pid && process.platform !== 'win32') {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone, or not a group leader: office-addin-debugging stop handles the process itself
  }
}
const cli = require.resolve('office-addin-debugging/cli.js');
const r = spawnSync(process.execPath, [cli, 'stop', 'manifest.xml', 'web'], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
