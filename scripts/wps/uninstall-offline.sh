#!/bin/sh
# 卸载“自评表校验”WPS 加载项：删除 jsaddons 中的文件夹和 jsplugins.xml 中的这一项。
set -e
user_home=${SUDO_USER:+$(getent passwd "$SUDO_USER" | cut -d: -f6)}
user_home=${user_home:-$HOME}
addons="$user_home/.local/share/Kingsoft/wps/jsaddons"
rm -rf "$addons/__NAME___"*
if [ -f "$addons/jsplugins.xml" ]; then
  grep -v 'name="__NAME__"' "$addons/jsplugins.xml" > "$addons/jsplugins.xml.tmp" || true
  mv "$addons/jsplugins.xml.tmp" "$addons/jsplugins.xml"
fi
echo "已删除加载项。oem.ini 若由安装脚本修改过，可用 $(echo /opt/kingsoft/wps-office/office6/cfgs/oem.ini).selfeval.bak 恢复。请重新打开 WPS。"
