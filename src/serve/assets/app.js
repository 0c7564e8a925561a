// reportlint serve: the page. Everything goes to this server only (same origin).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const EXT = /\.(docx|txt|md|markdown|html|htm)$/i;
  const SEV = { error: "错误", warning: "警告", info: "提示" };
  const state = { files: [], pack: null, limits: null, results: [] };

  function setState(s) { document.body.dataset.state = s; }

  function text(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function sizeText(n) {
    if (n >= 1048576) return +(n / 1048576).toFixed(1) + " MB";
    if (n >= 1024) return Math.ceil(n / 1024) + " KB";
    return n + " 字节";
  }

  async function loadInfo() {
    try {
      const r = await fetch("/api/info");
      const info = await r.json();
      state.limits = info.limits;
      $("version").textContent = info.version;
      let line = "规则：" + info.rules + " 条（规则包：" + info.packs.join("、") + "）";
      if (info.configuration) line += "；配置文件：" + info.configuration;
      line += "；每个文件不超过 " + sizeText(info.limits.max_file_size) + "。";
      $("info").textContent = line;
    } catch (e) {
      $("info").textContent = "无法读取规则信息：" + e;
    }
  }

  function addFiles(list) {
    for (const { file, name } of list) {
      if (!EXT.test(name)) continue;
      if (state.files.some((f) => f.name === name && f.file.size === file.size)) continue;
      state.files.push({ file, name });
    }
    showChosen();
  }

  function showChosen() {
    const n = state.files.length;
    $("chosen").hidden = n === 0;
    $("start").disabled = n === 0;
    $("chosen-count").textContent = "已选择 " + n + " 份报告";
    const ul = $("chosen-list");
    ul.replaceChildren(...state.files.map((f) => text("li", "", f.name + "（" + sizeText(f.file.size) + "）")));
  }

  // Folders dropped: walk their entries, keeping the relative path as the name.
  function readEntry(entry, prefix) {
    return new Promise((resolve) => {
      if (entry.isFile) {
        entry.file((file) => resolve([{ file, name: prefix + file.name }]), () => resolve([]));
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        const all = [];
        const next = () => reader.readEntries(async (entries) => {
          if (!entries.length) {
            const nested = await Promise.all(all.map((e) => readEntry(e, prefix + entry.name + "/")));
            resolve(nested.flat());
          } else { all.push(...entries); next(); }
        }, () => resolve([]));
        next();
      } else resolve([]);
    });
  }

  function form(files) {
    const fd = new FormData();
    for (const f of files) fd.append("file", f.file, f.name);
    if (state.pack) fd.append("pack", state.pack, state.pack.name);
    return fd;
  }

  // One request; resolves to {ok, status, json|blob|text}.
  async function post(url, files, kind) {
    let r;
    try {
      r = await fetch(url, { method: "POST", body: form(files) });
    } catch (e) {
      return { ok: false, error: { message: "无法连接检查服务：" + e } };
    }
    if (!r.ok) {
      let error;
      try { error = await r.json(); } catch (e) { error = { message: "检查服务返回错误 " + r.status }; }
      return { ok: false, status: r.status, error };
    }
    if (kind === "json") return { ok: true, json: await r.json() };
    if (kind === "text") return { ok: true, text: await r.text() };
    const cd = r.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
    return { ok: true, blob: await r.blob(), name: m ? decodeURIComponent(m[1]) : "download" };
  }

  // Files in batches that fit the server's limits.
  function batches(files) {
    const lim = state.limits || { max_files: 200, max_request_bytes: 50 * 1048576 };
    const room = lim.max_request_bytes * 0.9;
    const out = [];
    let cur = [], bytes = 0;
    for (const f of files) {
      if (cur.length && (cur.length >= lim.max_files || bytes + f.file.size > room)) {
        out.push(cur); cur = []; bytes = 0;
      }
      cur.push(f); bytes += f.file.size;
    }
    if (cur.length) out.push(cur);
    return out;
  }

  function showPackErrors(error) {
    const box = $("pack-errors");
    box.replaceChildren(text("p", "", error.message || error.error));
    if (error.pack_errors) {
      const ol = text("ol");
      for (const p of error.pack_errors) {
        let line = "第 " + p.line + " 行第 " + p.column + " 列（" + p.line + ":" + p.column + "）：" + p.message;
        if (p.label) line += "（" + p.label + "）";
        const li = text("li", "", line);
        if (p.help) li.append(text("div", "help", p.help));
        ol.append(li);
      }
      box.append(ol);
    }
    if (error.rendered) box.append(text("pre", "", error.rendered));
    box.hidden = false;
    $("pack-box").open = true;
  }

  function requestError(message) {
    const p = $("request-error");
    p.textContent = message;
    p.hidden = false;
  }

  async function start() {
    const files = state.files.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (!files.length) return;
    setState("checking");
    $("start").disabled = true;
    $("pack-errors").hidden = true;
    $("request-error").hidden = true;
    $("progress-box").hidden = false;
    $("overview-box").hidden = true;
    $("reports-box").hidden = true;
    $("reports").replaceChildren();
    state.results = new Array(files.length);
    let done = 0, next = 0, stop = false;
    const progress = () => {
      $("progress").max = files.length;
      $("progress").value = done;
      $("progress-text").textContent = "已检查 " + done + " / " + files.length + " 份报告";
    };
    progress();
    async function worker() {
      while (!stop && next < files.length) {
        const i = next++;
        const r = await post("/api/check", [files[i]], "json");
        if (!r.ok && r.error && r.error.pack_errors) { stop = true; showPackErrors(r.error); break; }
        if (!r.ok && r.status === 422 && !r.error.pack_errors) { stop = true; showPackErrors(r.error); break; }
        state.results[i] = r.ok
          ? r.json.files[0]
          : { path: files[i].name, error: (r.error && (r.error.message || r.error.error)) || "未能检查", diagnostics: [] };
        done++;
        progress();
      }
    }
    await Promise.all([worker(), worker()]);
    if (stop) {
      $("progress-text").textContent = "规则包有错误，检查未进行。";
      $("start").disabled = false;
      setState("failed");
      return;
    }
    state.checked = files;
    showOverview(files);
    $("overview-box").scrollIntoView({ block: "start" });
    $("progress-text").textContent = "已检查 " + files.length + " 份报告，正在生成详情……";
    await showReports(files);
    $("progress-text").textContent = "检查完成：共 " + files.length + " 份报告。";
    $("start").disabled = false;
    setState("done");
  }

  function showOverview(files) {
    const tbody = $("overview").querySelector("tbody");
    tbody.replaceChildren();
    const total = { error: 0, warning: 0, info: 0, failed: 0 };
    state.results.forEach((res, i) => {
      const count = { error: 0, warning: 0, info: 0 };
      for (const d of res.diagnostics) count[d.severity] = (count[d.severity] || 0) + 1;
      total.error += count.error; total.warning += count.warning; total.info += count.info;
      if (res.error) total.failed++;
      const tr = text("tr");
      tr.dataset.file = res.path;
      const name = text("td", "name");
      if (res.diagnostics.length) {
        const det = text("details", "findings");
        det.append(text("summary", "", res.path));
        const ol = text("ol");
        for (const d of res.diagnostics) {
          const li = text("li");
          li.append(text("span", "sev " + d.severity, SEV[d.severity] || d.severity), " ");
          li.append(text("span", "at", "第 " + d.line + " 行第 " + d.column + " 列："), d.message, " ");
          li.append(text("span", "rule", d.rule));
          if (d.more) li.append(text("span", "muted", "（另有同类 " + d.more + " 处）"));
          if (d.help) li.append(text("div", "help", d.help));
          if (d.reference) li.append(text("div", "ref", d.reference));
          if (d.note) li.append(text("div", "muted", d.note));
          ol.append(li);
        }
        det.append(ol);
        name.append(det);
      } else name.textContent = res.path;
      tr.append(name);
      for (const [k, cls] of [["error", "err"], ["warning", "warn"], ["info", "info"]]) {
        tr.append(text("td", "n " + cls + (count[k] ? " has" : ""), String(count[k])));
      }
      tr.append(res.error
        ? text("td", "status-failed", "未能检查：" + res.error)
        : text("td", count.error + count.warning + count.info ? "" : "status-ok", count.error + count.warning + count.info ? "有问题" : "未发现问题"));
      const act = text("td", "controls");
      if (!res.error || res.diagnostics.length) {
        const b = text("button", "annotate-one", "下载");
        b.type = "button";
        b.addEventListener("click", () => download("/api/annotate", [files[i]], b));
        act.append(b);
      }
      tr.append(act);
      tbody.append(tr);
    });
    const s = $("summary");
    s.dataset.files = files.length;
    s.dataset.errors = total.error;
    s.dataset.warnings = total.warning;
    s.dataset.infos = total.info;
    s.dataset.failed = total.failed;
    s.textContent = "共检查 " + files.length + " 份报告：错误 " + total.error + " 个，警告 " + total.warning +
      " 个，提示 " + total.info + " 个" + (total.failed ? "；" + total.failed + " 份未能检查" : "") + "。";
    $("overview-box").hidden = false;
  }

  async function showReports(files) {
    $("reports-box").hidden = false;
    for (const batch of batches(files)) {
      const r = await post("/api/check?format=html", batch, "text");
      if (!r.ok) { requestError("未能生成报告详情：" + ((r.error && (r.error.message || r.error.error)) || "")); continue; }
      const doc = new DOMParser().parseFromString(r.text, "text/html");
      const host = text("div", "report-host");
      const root = host.attachShadow({ mode: "open" });
      for (const st of doc.querySelectorAll("style")) root.append(st.cloneNode(true));
      for (const el of doc.querySelectorAll("script")) el.remove();
      const h1 = doc.querySelector("body > h1");
      if (h1) h1.remove();
      const body = document.createElement("div");
      body.append(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
      root.append(body);
      // Links to findings (#f1-2) point inside this report, not at the page.
      root.addEventListener("click", (ev) => {
        const a = ev.target.closest && ev.target.closest("a[href^='#']");
        if (!a) return;
        ev.preventDefault();
        const t = root.getElementById(a.getAttribute("href").slice(1));
        if (t) t.scrollIntoView({ behavior: "smooth", block: "center" });
      });
      $("reports").append(host);
    }
  }

  async function download(url, files, button) {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "正在生成……";
    let n = 0;
    for (const batch of url === "/api/xlsx" ? [files] : batches(files)) {
      const r = await post(url, batch, "blob");
      if (!r.ok) { requestError((r.error && (r.error.message || r.error.error)) || "下载失败"); continue; }
      n++;
      let name = r.name;
      if (n > 1) name = name.replace(/(\.[a-z]+)$/, "-" + n + "$1");
      const a = document.createElement("a");
      a.href = URL.createObjectURL(r.blob);
      a.download = name;
      document.body.append(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
    }
    button.disabled = false;
    button.textContent = label;
  }

  document.addEventListener("DOMContentLoaded", () => {
    loadInfo();
    $("files").addEventListener("change", (e) => { addFiles(Array.from(e.target.files, (f) => ({ file: f, name: f.name }))); e.target.value = ""; });
    $("folder").addEventListener("change", (e) => { addFiles(Array.from(e.target.files, (f) => ({ file: f, name: f.webkitRelativePath || f.name }))); e.target.value = ""; });
    $("clear").addEventListener("click", () => { state.files = []; showChosen(); });
    $("pack").addEventListener("change", (e) => { state.pack = e.target.files[0] || null; $("pack-errors").hidden = true; });
    $("pack-clear").addEventListener("click", () => { state.pack = null; $("pack").value = ""; $("pack-errors").hidden = true; });
    $("start").addEventListener("click", start);
    $("download-all").addEventListener("click", (e) => download("/api/annotate", state.checked || [], e.target));
    $("download-xlsx").addEventListener("click", (e) => download("/api/xlsx", state.checked || [], e.target));
    $("print").addEventListener("click", () => window.print());
    window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", async (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      const items = Array.from(e.dataTransfer.items || []).map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
      if (items.length) addFiles((await Promise.all(items.map((en) => readEntry(en, "")))).flat());
      else addFiles(Array.from(e.dataTransfer.files, (f) => ({ file: f, name: f.name })));
    });
  });
})();
