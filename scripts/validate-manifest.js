#!/usr/bin/env node
/*
 * `npm run validate [-- <manifest>] [--offline]`: the Office template's
 * `office-addin-manifest validate manifest.xml` (Microsoft's online validation service, the same
 * checks as AppSource and the Microsoft 365 admin center). When the service cannot be reached
 * (no network, a proxy, a timeout, the service failing) it falls back to the offline check,
 * `npm run validate:manifest`'s xmllint against the XSDs in test/office-schemas/, and says so.
 * A manifest the online service rejects fails: that is never retried offline.
 *
 * VALIDATE_TIMEOUT_MS (default 30000) bounds the online attempt.
 */
const { spawn, spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const offlineOnly = args.includes('--offline');
const manifest = path.resolve(ROOT, args.find((a) => !a.startsWith('--')) || 'manifest.xml');
const timeoutMs = Number(process.env.VALIDATE_TIMEOUT_MS || 30000);
const XSD = path.join(ROOT, 'test/office-schemas/OfficeAppManifestV1_1.xsd');

/** Messages of office-addin-manifest that mean "the service was not reached", not "the manifest is wrong". */
const UNREACHABLE = [
  /Unable to contact the manifest validation service/i,
  /Unable to validate the manifest\.\s*\n?\s*(5\d\d|429|408)/i,
  /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up|certificate/i,
];

function online() {
  return new Promise((resolve) => {
    const cli = require.resolve('office-addin-manifest/cli.js');
    const child = spawn(process.execPath, [cli, 'validate', manifest], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (stream, sink) =>
      stream.on('data', (d) => {
        out += d;
        sink.write(d);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    const timer = setTimeout(() => {
      child.kill();
      resolve({ reached: false, reason: `${timeoutMs / 1000} 秒内没有回应` });
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ reached: false, reason: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const miss = code !== 0 && UNREACHABLE.find((re) => re.test(out));
      if (miss) resolve({ reached: false, reason: (out.match(miss) || [''])[0].trim() });
      else resolve({ reached: true, code: code ?? 1 });
    });
  });
}

function offline() {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, manifest], { encoding: 'utf8' });
  if (r.error) {
    console.error(
      '离线校验需要 xmllint（Debian/Ubuntu: apt-get install libxml2-utils），当前找不到。',
    );
    return 1;
  }
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(
    r.status === 0
      ? `离线 XSD 校验通过：${path.relative(ROOT, manifest)}`
      : `离线 XSD 校验未通过：${path.relative(ROOT, manifest)}`,
  );
  return r.status ?? 1;
}

(async () => {
  if (offlineOnly) process.exit(offline());
  const r = await online();
  if (r.reached) process.exit(r.code);
  console.log(
    `\n无法连接微软的清单在线校验服务（${r.reason}），改用离线 XSD 校验（test/office-schemas/，与 npm run validate:manifest 相同）。`,
  );
  console.log('离线校验只检查清单结构；联网后再运行 npm run validate 做完整校验。\n');
  process.exit(offline());
})();
