#!/bin/sh
# 离线安装“自评表校验”WPS 加载项（jsplugins.xml 模式，不需要网络）。
# 用法：sh install-offline.sh            只为当前用户复制加载项、写 jsplugins.xml
#       sudo sh install-offline.sh --oem 另外在 WPS 的 oem.ini 中打开 JsApiPlugin（需要管理员）
set -e
here=$(cd "$(dirname "$0")" && pwd)
user_home=${SUDO_USER:+$(getent passwd "$SUDO_USER" | cut -d: -f6)}
user_home=${user_home:-$HOME}
addons="$user_home/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$addons"
rm -rf "$addons/__NAME___"*
cp -r "$here/__FOLDER__" "$addons/"
sed "s#__JSADDONS__#$addons#g" "$here/jsplugins.xml" > "$addons/jsplugins.xml"
[ -n "$SUDO_USER" ] && chown -R "$SUDO_USER" "$addons"
echo "已复制到 $addons/__FOLDER__，并写入 $addons/jsplugins.xml。"
if [ "$1" = "--oem" ]; then
  for ini in /opt/kingsoft/wps-office/office6/cfgs/oem.ini; do
    [ -f "$ini" ] || { echo "找不到 $ini：请按 README 手动修改 oem.ini。"; exit 1; }
    cp "$ini" "$ini.selfeval.bak"
    grep -q '^JsApiPlugin' "$ini" || printf '\n[Support]\nJsApiPlugin=true\n' >> "$ini"
    grep -q '^JSPluginsServer' "$ini" || printf '[Server]\nJSPluginsServer=%s/jsplugins.xml\n' "$addons" >> "$ini"
    echo "已修改 $ini（原文件备份为 $ini.selfeval.bak）。"
  done
fi
echo "请完全退出 WPS 后重新打开 WPS 表格，功能区会出现“自评表校验”选项卡。"
