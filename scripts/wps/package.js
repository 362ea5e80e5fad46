/* Packages the built WPS 加载项 (dist-wps/addin) for the two ways WPS loads add-ins:
 * publish mode (publish.xml, the add-in served over http) and the jsplugins.xml mode (oem.ini
 * JsApiPlugin=true, the add-in unpacked in the user's jsaddons folder: no network needed). */
const fs = require('fs');
const path = require('path');
const { version } = require('../../package.json');

const NAME = 'selfeval';

function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

function packageWps(
  addinDir,
  base = process.env.WPS_BASE_URL || 'http://127.0.0.1:3889/selfeval/',
) {
  const root = path.dirname(addinDir);
  const url = base.replace(/\/?$/, '/');
  const folder = `${NAME}_${version}`;

  const publish = path.join(root, 'publish');
  copyDir(addinDir, path.join(publish, NAME));
  fs.writeFileSync(
    path.join(publish, 'publish.xml'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${url}" enable="true" install="null"/>\n</jsplugins>\n`,
  );

  const offline = path.join(root, 'offline');
  fs.mkdirSync(offline, { recursive: true });
  copyDir(addinDir, path.join(offline, folder));
  // The url names the package WPS would fetch; the install script unpacks the folder beside it
  // (jsaddons/<name>_<version>), which is what WPS loads.
  fs.writeFileSync(
    path.join(offline, 'jsplugins.xml'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" version="${version}" url="file://__JSADDONS__/${folder}.7z" enable="true" install="null"/>\n</jsplugins>\n`,
  );
  fs.writeFileSync(
    path.join(offline, 'oem.ini.txt'),
    '[Support]\nJsApiPlugin=true\n[Server]\nJSPluginsServer=__JSADDONS__/jsplugins.xml\n',
  );
  for (const f of ['install-offline.sh', 'uninstall-offline.sh']) {
    const text = fs
      .readFileSync(path.join(__dirname, f), 'utf8')
      .replace(/__NAME__/g, NAME)
      .replace(/__FOLDER__/g, folder);
    fs.writeFileSync(path.join(offline, f), text, { mode: 0o755 });
  }
  return { publish, offline, folder };
}

module.exports = { packageWps, NAME };
