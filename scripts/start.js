#!/usr/bin/env node
/*
 * `npm start`: the Office template's `office-addin-debugging start manifest.xml web`.
 *
 * Excel on the web has no desktop sideloading: office-addin-debugging needs the URL of a workbook
 * on OneDrive/SharePoint. With SELFEVAL_DOCUMENT_URL it starts the dev server and opens that
 * workbook with the add-in sideloaded; without it, it starts only the dev server and this script
 * prints the steps to upload manifest.xml by hand. Either way the dev server runs detached and
 * `npm stop` (office-addin-debugging stop) ends it.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = String(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
const documentUrl = (process.env.SELFEVAL_DOCUMENT_URL || '').trim();

if (documentUrl && !/^https:\/\//.test(documentUrl)) {
  console.error(
    `SELFEVAL_DOCUMENT_URL 应是网页版 Excel 中工作簿的 https 地址（浏览器地址栏里的地址）：${documentUrl}`,
  );
  process.exit(2);
}

const listening = () =>
  new Promise((resolve) => {
    const socket = net.connect({ host: 'localhost', port: Number(PORT) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
async function waitListening(seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await listening()) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/**
 * office-addin-debugging installs the dev certificate's CA before it starts the dev server and
 * gives up on the server when that fails (Linux without sudo). Then this starts the server itself,
 * detached, and records it where `office-addin-debugging stop` (npm stop) looks for it; the
 * certificates were generated all the same and the browser can be told to trust them by hand.
 */
async function ensureDevServer() {
  if (await listening()) return;
  const certs = require('office-addin-dev-certs');
  try {
    if (!certs.verifyCertificates()) await certs.ensureCertificatesAreInstalled();
    return; // trusted: office-addin-debugging starts the server
  } catch (e) {
    const ca = path.join(os.homedir(), '.office-addin-dev-certs', 'ca.crt');
    console.warn(
      `\n无法自动信任开发证书（${String(e.message || e).split('\n')[0]}）。请手动把 ${ca} 导入浏览器的“受信任的根证书颁发机构”。\n`,
    );
  }
  const log = path.join(os.tmpdir(), 'selfeval-dev-server.log');
  const out = fs.openSync(log, 'a');
  const child = spawn('npm', ['run', 'dev-server'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, PORT },
  });
  child.unref();
  require('office-addin-debugging/lib/debugInfo').saveDevServerProcessId(child.pid);
  console.log(`Starting the dev server... (npm run dev-server, log: ${log})`);
  if (!(await waitListening(120))) {
    console.error(`开发服务器没有在端口 ${PORT} 上启动，见 ${log}。`);
    process.exit(1);
  }
}

const cli = require.resolve('office-addin-debugging/cli.js');
const args = [
  cli,
  'start',
  'manifest.xml',
  'web',
  '--app',
  'excel',
  '--dev-server',
  'npm run dev-server',
  '--dev-server-port',
  PORT,
];
if (documentUrl) args.push('--document', documentUrl);
else args.push('--no-sideload');

async function main() {
  await ensureDevServer();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PORT },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  if (!(await waitListening(5))) {
    console.error(`开发服务器没有在端口 ${PORT} 上运行（见上面的输出）。`);
    process.exit(1);
  }
  printSteps();
}

function printSteps() {
  const base = `https://localhost:${PORT}`;
  if (documentUrl) {
    console.log(`
已在浏览器中打开工作簿并旁加载“自评表校验”。如果浏览器询问是否允许访问“本地网络上的设备”，选“允许”。
结束时运行 npm stop。`);
  } else {
    console.log(`
开发服务器已在 ${base} 上运行（后台进程；npm stop 结束它）。在网页版 Excel 中旁加载：

  1. 用 Edge 或 Chrome 打开 ${base}/taskpane.html，确认没有证书警告（看到“请在 Excel 中打开”即正常）。
  2. 打开 Microsoft 365 网页版中要校验的工作簿（OneDrive/SharePoint 上的 .xlsx）。
  3. 开始 → 加载项 → 更多设置（或“获取加载项”）→ 我的加载项 → 上传我的加载项，
     选择 ${path.join(ROOT, 'manifest.xml')}，点“上传”。
  4. Chrome 询问是否允许该网站访问“本地网络上的设备”时选“允许”（否则加载项空白）；或改用 Edge。
  5. “开始”选项卡右侧出现“自评表校验”组：校验 / 校验结果。

下次可直接旁加载：SELFEVAL_DOCUMENT_URL='工作簿的网页地址' npm start`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
