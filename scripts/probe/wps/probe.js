/* 在真实 WPS 表格中检查“自评表校验”WPS 加载项所依赖的每一条假设，逐条输出 PASS / FAIL。
 * 两种用法：作为加载项页面（probe.html，任务窗格中点按钮），或在 WPS 的 JS 宏编辑器里粘贴本文件后
 * 运行 selfevalProbeStep1() / selfevalProbeStep2()（结果用 console.log 输出）。
 * 只写入新建的工作表 selfeval-probe 和一个探测用的自定义 XML 部件，不碰其他内容。
 * ES2017 语法，不依赖任何库。 */
/* global window, navigator, console, Application */
var SELFEVAL_PROBE_NS = 'urn:selfeval:probe:1';
var SELFEVAL_PROBE_SHEET = 'selfeval-probe';

function selfevalProbeApp() {
  if (typeof window !== 'undefined') {
    if (window.Application) return window.Application;
    if (window.wps && window.wps.Application) return window.wps.Application;
  }
  if (typeof Application !== 'undefined') return Application;
  return null;
}

function selfevalProbe(step, log) {
  var results = [];
  function put(ok, name, detail, meaning) {
    var line =
      (ok === null ? 'INFO ' : ok ? 'PASS ' : 'FAIL ') +
      name +
      ' — ' +
      detail +
      (ok === false && meaning ? '（FAIL 意味着：' + meaning + '）' : '');
    results.push({ ok: ok, name: name, line: line });
    log(line);
  }
  function check(name, meaning, f) {
    try {
      var r = f();
      put(r.ok, name, r.detail, meaning);
    } catch (e) {
      put(false, name, '出错：' + (e && e.message ? e.message : String(e)), meaning);
    }
  }
  function throws(f) {
    try {
      f();
      return false;
    } catch (e) {
      return true;
    }
  }
  var app = selfevalProbeApp();
  if (!app) {
    put(false, 'application', '找不到 Application：请在 WPS 表格中运行', '加载项无法访问表格');
    return results;
  }
  var wb = app.ActiveWorkbook;
  if (!wb) {
    put(false, 'workbook', '没有打开的工作簿：请先新建一个空白工作簿', '加载项无法访问表格');
    return results;
  }

  if (step === 2) {
    check(
      'customxml-after-reopen',
      '清除标记在保存、关闭、重新打开后不可用，审核说明和方案选择不会保存',
      function () {
        var found = wb.CustomXMLParts.SelectByNamespace(SELFEVAL_PROBE_NS);
        var n = found.Count;
        var xml = n ? found.Item(1).XML : '';
        for (var i = n; i >= 1; i--) found.Item(i).Delete();
        return {
          ok: n >= 1 && xml.indexOf('探测') >= 0,
          detail: '部件数 ' + n + '，内容 ' + xml.slice(0, 80),
        };
      },
    );
    return results;
  }

  if (typeof navigator !== 'undefined') {
    var ua = navigator.userAgent;
    var m = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
    put(
      m ? Number(m[1]) >= 62 : false,
      'chromium-version',
      ua,
      '内置浏览器早于 Chromium 62：引擎中的后行断言正则无法运行，加载项页面会报错',
    );
  } else
    put(null, 'chromium-version', '在 JS 宏中运行，没有 navigator（请用 probe.html 页面再测一次）');
  check('regex-lookbehind', '引擎的两个正则表达式无法运行，加载项页面无法加载', function () {
    return { ok: new RegExp('(?<![x])\\d').test('a1'), detail: '(?<!x)\\d 可用' };
  });
  check('builtins', '仅供参考：缺少的内置函数由加载项自带的补丁提供', function () {
    var need = [
      'Array.prototype.flat',
      'Array.prototype.flatMap',
      'Array.prototype.at',
      'Object.fromEntries',
      'String.prototype.replaceAll',
      'Promise.allSettled',
    ];
    var missing = need.filter(function (p) {
      var parts = p.split('.');
      var o =
        parts[0] === 'Array'
          ? Array
          : parts[0] === 'Object'
            ? Object
            : parts[0] === 'String'
              ? String
              : Promise;
      var x = parts[1] === 'prototype' ? o.prototype[parts[2]] : o[parts[1]];
      return typeof x !== 'function';
    });
    return {
      ok: true,
      detail: missing.length ? '缺少 ' + missing.join('、') + '（由补丁提供）' : '都有',
    };
  });
  var host = typeof window !== 'undefined' && window.wps ? window.wps : app;
  put(
    null,
    'host-apis',
    'CreateTaskPane ' +
      typeof (app.CreateTaskPane || host.CreateTaskPane) +
      '，ShowDialog ' +
      typeof (app.ShowDialog || host.ShowDialog) +
      '，PluginStorage ' +
      typeof app.PluginStorage +
      '，UndoRecord ' +
      typeof app.UndoRecord,
  );

  // 新建探测工作表（已有则先删掉）。
  var alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (var i = wb.Worksheets.Count; i >= 1; i--)
      if (wb.Worksheets.Item(i).Name === SELFEVAL_PROBE_SHEET) wb.Worksheets.Item(i).Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
  var ws = wb.Worksheets.Add(null, wb.Worksheets.Item(wb.Worksheets.Count));
  ws.Name = SELFEVAL_PROBE_SHEET;
  ws.Activate();

  check('value2-array', '读取整张表会出错（加载项按“行的数组”读取 Value2）', function () {
    ws.Range('A1:B2').Value2 = [
      [1, '甲'],
      [2.5, '乙'],
    ];
    var v = ws.Range('A1:B2').Value2;
    var one = ws.Range('A1').Value2;
    var ok = Array.isArray(v) && v.length === 2 && v[0][0] === 1 && v[1][1] === '乙' && one === 1;
    return { ok: ok, detail: 'A1:B2 → ' + JSON.stringify(v) + '，A1 → ' + JSON.stringify(one) };
  });
  check('value2-empty', '空单元格读成了别的值，可能被当作填了内容', function () {
    var v = ws.Range('D1:D2').Value2;
    var ok = Array.isArray(v) && [null, undefined, ''].indexOf(v[0][0]) >= 0;
    return { ok: ok, detail: '空单元格 → ' + JSON.stringify(v) };
  });
  check('formula-array', '公式读不出来，合计公式的检查会漏掉', function () {
    ws.Range('A3').Formula = '=SUM(A1:A2)';
    var f = ws.Range('A1:A3').Formula;
    var ok = Array.isArray(f) && f[2][0] === '=SUM(A1:A2)' && String(f[0][0]) === '1';
    return { ok: ok, detail: JSON.stringify(f) };
  });
  check('numberformat-mixed-null', '格式分块读取的假设不成立，百分比和小数位可能读错', function () {
    ws.Range('A1').NumberFormat = '0.00%';
    ws.Range('A2').NumberFormat = '0.0';
    var mixed = ws.Range('A1:A2').NumberFormat;
    var same = ws.Range('B1:B2').NumberFormat;
    return {
      ok: mixed === null && typeof same === 'string',
      detail: '不同 → ' + JSON.stringify(mixed) + '，相同 → ' + JSON.stringify(same),
    };
  });
  check('text-mixed-null', '仅供核对：加载项不读 Text', function () {
    var t = ws.Range('A1:A2').Text;
    return {
      ok: t === null,
      detail: 'A1:A2 → ' + JSON.stringify(t) + '，A1 → ' + JSON.stringify(ws.Range('A1').Text),
    };
  });
  check('address-format', '单元格位置读错，合并区域和已用区域会算错', function () {
    var a = ws.Range('B2:C3').Address();
    var u = ws.UsedRange.Address();
    return {
      ok: a === '$B$2:$C$3' && /^\$A\$1:\$[A-Z]+\$\d+$/.test(u),
      detail: 'B2:C3 → ' + a + '，已用区域 → ' + u,
    };
  });
  check('nofill-value', '清除标记会把“无填充”涂成白色，或把白色当成无填充', function () {
    var it = ws.Range('E1').Interior;
    var none = [it.ColorIndex, it.Pattern, it.Color];
    ws.Range('E2').Interior.Color = 16777215;
    var white = [ws.Range('E2').Interior.ColorIndex, ws.Range('E2').Interior.Pattern];
    ws.Range('E2').Interior.ColorIndex = -4142;
    var back = ws.Range('E2').Interior.ColorIndex;
    return {
      ok: none[0] === -4142 && white[0] !== -4142 && back === -4142,
      detail:
        '无填充 ColorIndex/Pattern/Color = ' +
        none.join('/') +
        '；白色 ColorIndex/Pattern = ' +
        white.join('/') +
        '；清除后 ' +
        back,
    };
  });
  check('colour-order-bgr', '标记颜色会错（红色标成蓝色）', function () {
    ws.Range('F1').Interior.Color = 255; // BGR 中红色在低字节
    var idx = ws.Range('F1').Interior.ColorIndex;
    var c = ws.Range('F1').Interior.Color;
    ws.Range('F1').Value2 = '这一格应为红色';
    return {
      ok: c === 255 && idx === 3,
      detail:
        'Color=255 → ColorIndex ' + idx + '（3 为红色），读回 ' + c + '；请目视 F1 是否为红色',
    };
  });
  check('restore-tint', '清除标记后颜色深浅与原来不同', function () {
    var it = ws.Range('F2').Interior;
    it.Color = 0xf7ebdd;
    it.TintAndShade = 0.4;
    var t = ws.Range('F2').Interior.TintAndShade;
    return { ok: Math.abs(t - 0.4) < 0.01, detail: 'TintAndShade 读回 ' + t };
  });
  check('comment-add-delete', '加载项无法写批注，或删批注时会删错', function () {
    var r = ws.Range('G1');
    var before = r.Comment;
    r.AddComment('【自评表校验】探测');
    var text = ws.Range('G1').Comment.Text();
    var twice = throws(function () {
      ws.Range('G1').AddComment('再加一次');
    });
    ws.Range('G1').Comment.Delete();
    var after = ws.Range('G1').Comment;
    return {
      ok: before === null && text === '【自评表校验】探测' && after === null,
      detail:
        '无批注时 Comment = ' +
        JSON.stringify(before) +
        '，读回 ' +
        JSON.stringify(text) +
        '，删除后 ' +
        JSON.stringify(after) +
        '，重复添加' +
        (twice ? '报错' : '不报错'),
    };
  });
  check('comment-multicell', '仅供核对：加载项总是逐格添加批注', function () {
    return {
      ok: throws(function () {
        ws.Range('G2:G3').AddComment('x');
      }),
      detail: '多格 AddComment 报错',
    };
  });
  check('merge-areas', '合并单元格的表头可能识别错', function () {
    ws.Range('A5:B6').Merge();
    var all = ws.Range('A5:B6').MergeCells;
    var some = ws.Range('A5:C6').MergeCells;
    var none = ws.Range('D5:D6').MergeCells;
    var area = ws.Range('B6').MergeArea.Address();
    var single = ws.Range('C5').MergeArea.Address();
    return {
      ok:
        all === true &&
        some === null &&
        none === false &&
        area === '$A$5:$B$6' &&
        single === '$C$5',
      detail:
        'MergeCells 全部/部分/没有 = ' +
        [all, some, none].map(String).join('/') +
        '；B6 的 MergeArea ' +
        area +
        '；C5 ' +
        single,
    };
  });
  check(
    'protected-sheet',
    '受保护的工作表上加载项的判断会错：可能写标记失败，或修正写不进未锁定的单元格',
    function () {
      ws.Range('H1').Locked = false;
      var mixed = ws.Range('H1:H2').Locked;
      ws.Protect();
      var p = ws.ProtectContents;
      var fillRefused = throws(function () {
        ws.Range('H2').Interior.Color = 255;
      });
      var lockedRefused = throws(function () {
        ws.Range('H2').Value2 = 1;
      });
      var unlockedOk = !throws(function () {
        ws.Range('H1').Value2 = 1;
      });
      ws.Unprotect();
      return {
        ok: p === true && mixed === null && fillRefused && lockedRefused && unlockedOk,
        detail:
          'ProtectContents ' +
          p +
          '，Locked 混合 ' +
          JSON.stringify(mixed) +
          '，填色' +
          (fillRefused ? '被拒' : '成功') +
          '，锁定格写值' +
          (lockedRefused ? '被拒' : '成功') +
          '，未锁定格写值' +
          (unlockedOk ? '成功' : '被拒'),
      };
    },
  );
  check('select', '点问题无法定位到单元格', function () {
    ws.Range('C3').Select();
    return { ok: true, detail: '已选中 C3' };
  });
  check(
    'customxml-write',
    '无法记录标记（清除标记不可用），审核说明和方案选择无法保存',
    function () {
      var old = wb.CustomXMLParts.SelectByNamespace(SELFEVAL_PROBE_NS);
      for (var i = old.Count; i >= 1; i--) old.Item(i).Delete();
      wb.CustomXMLParts.Add('<probe xmlns="' + SELFEVAL_PROBE_NS + '">探测 &amp; 往返</probe>');
      var found = wb.CustomXMLParts.SelectByNamespace(SELFEVAL_PROBE_NS);
      var xml = found.Count ? found.Item(1).XML : '';
      return {
        ok: found.Count === 1 && xml.indexOf('探测') >= 0,
        detail: '部件数 ' + found.Count + '，' + xml.slice(0, 80),
      };
    },
  );
  check('call-cost', '仅供参考：换算每次校验的耗时', function () {
    var t0 = Date.now();
    for (var i = 0; i < 500; i++) void ws.Range('A1').Value2;
    var ms = (Date.now() - t0) / 1000; // 每次 Range + Value2 两次调用
    return { ok: null, detail: '每次调用约 ' + ms.toFixed(3) + ' 毫秒' };
  });
  var fails = results.filter(function (r) {
    return r.ok === false;
  }).length;
  var passes = results.filter(function (r) {
    return r.ok === true;
  }).length;
  log(
    '第一步：' +
      passes +
      ' PASS，' +
      fails +
      ' FAIL。请保存为 .xlsx、关闭后重新打开，再运行第二步。',
  );
  return results;
}

function selfevalProbeStep1() {
  return selfevalProbe(1, function (l) {
    console.log(l);
  });
}
function selfevalProbeStep2() {
  return selfevalProbe(2, function (l) {
    console.log(l);
  });
}
if (typeof module !== 'undefined') module.exports = { selfevalProbe: selfevalProbe };
