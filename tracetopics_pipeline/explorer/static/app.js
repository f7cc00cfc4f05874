/* tracetopics explorer — one page over the JSON API. No framework, no CDN. */
"use strict";

const state = {
  overview: null,
  facet: "Task",
  filter: { date_from: "", date_to: "", customer: "", plan_tier: "", label: [], topic: [] },
  tab: "map",
  mapId: null,
  grain: "day",
  level: "parent",    // two-level facets: "parent" topics or "sub" (all subtopics)
  focus: null,        // the drilled-into parent topic id: its subtopics are shown
  levels: {},         // facet -> has two levels in this snapshot
  colors: new Map(),  // topic id -> colour at the current level (topics.js)
  colorKey: "",
  hiddenTopics: new Set(),
  expanded: new Set(),  // topic rows left open in the list survive re-renders
  topicNames: {},     // facet -> {topic_id: label}
  mapData: null,
  trace: null,        // the trace open in the drawer
  q: "",
  searchOutside: null,  // the drilled topic id a search was sent outside of (topics.js)
};
window.__tt = state; // handy for debugging and for the e2e tests

/* ---------- helpers ---------- */
// Filters change faster than answers arrive: each view renders only its newest request.
const seqs = {};
function ticket(name) { const n = (seqs[name] = (seqs[name] || 0) + 1); return () => seqs[name] === n; }
const $ = (sel) => document.querySelector(sel);
function esc(v) {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
/* Text for a Plotly chart (legend names, ticks, hover): Plotly reads a subset of HTML in them,
   so a topic named '<a href="https://evil.example">' drew a live link in the legends (review rv9
   M2). Its entity decoder knows &amp; &lt; &gt; and numeric ones (not &quot;), hence these. */
function plotText(v) {
  return String(v ?? "").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c]));
}
/* An enum label as words for people ("FAILED_TOOL_CALL" → "Failed tool call"); other labels
   (names, competitors) as they are. Filters keep the raw value. */
function human(v) {
  const s = String(v ?? "");
  return /^[A-Z][A-Z0-9_]*$/.test(s) ? (s.charAt(0) + s.slice(1).toLowerCase()).replace(/_/g, " ") : s;
}
/* A facet's label as the page shows it: the facet's own display text when it has one (the
   default label reads as its none_label, "NONE" → "No issue"), else the value as words. */
function labelText(facet, v) {
  const f = (state.overview?.facets || []).find((x) => x.facet.toLowerCase() === String(facet).toLowerCase());
  return (f && f.display && f.display[v]) || human(v);
}
/* A facet row's summary as the page shows it: a summary that is only a label value ("NONE",
   "NEGATIVE") reads as that label does ("No competitor"), never as the raw value. */
function summaryText(f) {
  const s = (f.summary || "").trim();
  if (!s) return `(${f.status})`;
  const fct = (state.overview?.facets || []).find((x) => x.facet.toLowerCase() === f.facet.toLowerCase());
  const key = s.toUpperCase();
  if ((f.label && key === f.label.toUpperCase()) || (fct && fct.display && fct.display[key])) return labelText(f.facet, key);
  return s;
}
/* Rows of facets in the overview's order (the facet file's: Task first). */
function sortFacets(rows) {
  const order = (state.overview?.facets || []).map((x) => x.facet.toLowerCase());
  const at = (name) => { const i = order.indexOf(name.toLowerCase()); return i < 0 ? order.length : i; };
  return [...rows].sort((a, b) => at(a.facet) - at(b.facet) || a.facet.localeCompare(b.facet));
}
/* Whether a heatmap's columns are narrower than the longest word of their names (`size` px
   text), with the row names (at least `minLeft` px of margin) beside them in `node`'s width. */
function columnsTooNarrow(node, rowNames, colNames, size, minLeft) {
  const ctx = (columnsTooNarrow.ctx ||= document.createElement("canvas").getContext("2d"));
  ctx.font = `${size}px "Open Sans", verdana, arial, sans-serif`;  // Plotly's own font
  const wide = (texts) => Math.max(0, ...texts.map((t) => ctx.measureText(t).width));
  const left = Math.max(minLeft, wide(rowNames) + 12);
  const column = (node.clientWidth - left - 10) / Math.max(1, colNames.length);
  return wide(colNames.flatMap((c) => c.split(" "))) + 4 > column;
}
/* A phone-sized window (narrow.css's breakpoint): charts put their legends under the plot. */
const isNarrow = () => window.matchMedia("(max-width: 700px)").matches;
const pct = (x) => (100 * (x || 0)).toFixed(1) + "%";
const fmt = (n) => Number(n || 0).toLocaleString("en-US");
/* "1 subtopic", "12 subtopics": a count with its word. */
const count = (n, word) => `${fmt(n)} ${Number(n) === 1 ? word : word + "s"}`;
function b64(s, Type) {
  const bin = atob(s || "");
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Type(bytes.buffer);
}
/* A passing message; `action` ({ label, run }) adds its button ("Merged X into Y — Undo"). */
function toast(msg, ms = 3500, action = null) {
  const t = $("#toast"); t.textContent = msg; t.classList.remove("hidden");
  if (action) {
    const b = document.createElement("button");
    b.type = "button"; b.className = "toast-act"; b.textContent = action.label;
    b.onclick = () => { clearTimeout(toast._t); t.classList.add("hidden"); action.run(); };
    t.append(" — ", b);
  }
  clearTimeout(toast._t); toast._t = setTimeout(() => t.classList.add("hidden"), ms);
}
function topicName(tid, facet = state.facet) {
  if (tid === -1) return "no_match";
  if (tid === -2) return "other topics";
  return (state.topicNames[facet] || {})[tid] || `topic ${tid}`;
}

/* The filter bar's values as query parameters: one shape for the API and the page's URL. */
function appendFilter(p, f = state.filter) {
  if (f.date_from) p.set("date_from", f.date_from);
  if (f.date_to) p.set("date_to", f.date_to);
  if (f.customer) p.set("customer", f.customer);
  if (f.plan_tier) p.set("plan_tier", f.plan_tier);
  f.label.forEach((l) => p.append("label", l));
  f.topic.forEach((t) => p.append("topic", t));
  return p;
}

/* filter → query string / JSON body (the API's one filter shape); `focus: false` leaves out
   the parent drilled into (the home follows the filter bar, not the drill-down). */
function filterParams(extra = {}, { focus = true } = {}) {
  const p = appendFilter(new URLSearchParams());
  if (focus) focusTopics().forEach((t) => p.append("topic", t));
  for (const [k, v] of Object.entries(extra)) {
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x)); else if (v !== undefined && v !== null) p.set(k, v);
  }
  return p.toString();
}
function filterBody(extraTopics = [], extraLabels = []) {
  const f = state.filter;
  return {
    date_from: f.date_from || null, date_to: f.date_to || null,
    customer: f.customer ? [f.customer] : [], plan_tier: f.plan_tier ? [f.plan_tier] : [],
    label: [...f.label, ...extraLabels], topic: [...f.topic, ...focusTopics(), ...extraTopics],
  };
}
/* Drilled into a parent: every view is narrowed to it. */
function focusTopics() { return state.focus === null ? [] : [`${state.facet}:${state.focus}`]; }
async function api(path, opts = {}) {
  const r = await fetch(path, { headers: { "Content-Type": "application/json" }, ...opts });
  const body = r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text();
  if (!r.ok) {
    const err = new Error((body && body.detail) || r.statusText);
    err.status = r.status; err.code = body && body.code;
    throw err;
  }
  return body;
}
const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body) });
/* What a reader can do about a view that failed to load: an error alone ("Error: Internal
   Server Error") left a PM with nothing to try. */
function whatToDo(e) {
  if (e && e.code === "no_snapshot") return "Run the pipeline (tracetopics run); the page reads the snapshot it publishes.";
  if (e && e.code === "config") return "Fix or remove that line in the home's config.toml (docs/configuration.md), then reload the page: no restart needed.";
  if (e && (e.status === 400 || e.status === 422)) return "Change or reset the filters and try again.";
  return "Reload the page to try again; if it keeps failing, the terminal running tracetopics explore shows why.";
}

/* ---------- boot ---------- */
async function boot() {
  bindUi();
  try {
    state.overview = await api("/api/overview");
  } catch (e) {
    showBanner(e.code === "no_snapshot"
      ? "No data published yet. Run the pipeline (<code>make demo</code> or <code>tracetopics run</code>); the page reads the snapshot it publishes at the end of each run."
      : e.code === "config"
        ? `The explorer cannot read the home's settings, so it shows no data until they are fixed:<br><code>${esc(e.message)}</code><br>${esc(whatToDo(e))}`
        : `Could not load the overview: ${esc(e.message)}. ${esc(whatToDo(e))}`);
    // No view can load without the overview: the home's placeholder cards would wait forever.
    document.querySelectorAll("main > .tab").forEach((s) => s.classList.add("hidden"));
    return;
  }
  const ov = state.overview;
  showSnapshot(ov);
  $("#spend").textContent = spendText(ov.spend);
  for (const t of ov.topics) (state.topicNames[t.facet] ||= {})[t.topic_id] = t.label;
  const clustered = ov.facets.filter((f) => f.classified > 0);
  const facetSel = $("#facet");
  facetSel.innerHTML = (clustered.length ? clustered : ov.facets)
    .map((f) => `<option value="${esc(f.facet)}">${esc(f.facet)}</option>`).join("");
  if ([...facetSel.options].some((o) => o.value === "Task")) facetSel.value = "Task";
  state.facet = facetSel.value || "Task";
  $("#act-cluster-facet").textContent = state.facet;
  $("#f-customer").innerHTML = '<option value="">All customers</option>' +
    ov.customers.map((c) => `<option value="${esc(c.value)}">${esc(c.value)} (${fmt(c.n)})</option>`).join("");
  $("#f-plan").innerHTML = '<option value="">All plans</option>' +
    ov.plan_tiers.map((c) => `<option value="${esc(c.value)}">${esc(c.value)} (${fmt(c.n)})</option>`).join("");
  $("#f-label").innerHTML = '<option value="">Add a label filter…</option>' + ov.facets
    .filter((f) => f.labels.length)
    .map((f) => `<optgroup label="${esc(f.facet)}">` + f.labels.map((l) =>
      `<option value="${esc(f.facet + ":" + l)}">${esc(f.facet)}: ${esc(labelText(f.facet, l))}</option>`).join("") + "</optgroup>").join("");
  fillTopicFilter();
  if (ov.date_min) { $("#f-from").min = $("#f-to").min = ov.date_min; $("#f-from").max = $("#f-to").max = ov.date_max; }
  readUrl();  // a shared link: facet, level, drilled topic, filters, tab, open trace
  showTab(state.tab, { initial: true });
  if (state.trace) openTrace(state.trace);  // proposals and shared links name a trace
  if (state.q) { $("#search").value = state.q; runSearch(); }
}

// Model spend to date against the caps; without spend or caps, why there is none.
/* The trace's distance to its topic, for the drawer's tooltip only: "d=0.03" beside a topic
   read as noise to a PM (review rv8 L3). */
function distanceTitle(c) {
  return `Cosine distance to the topic's centre: ${(c.distance ?? 0).toFixed(2)} (0 = at the centre)`;
}

/* The priority ranking's window in words: "the 21 days there are" when the data starts inside
   its 28 (review rv8 L3); changes.ranking_window says the same in Python. */
function rankingWindow(days, dataDays) {
  if (!days) return "all traffic";
  return dataDays && dataDays < days ? `the ${dataDays} days there are, all traffic` : `last ${days} days, all traffic`;
}

function spendText(sp) {
  if (!sp) return "";
  if (!sp.spent_month_usd && sp.budget_day_usd == null && sp.budget_month_usd == null) {
    return sp.uses_endpoint ? "no model spend this month, no cap set" : "no model spend (local summarizer and embeddings)";
  }
  const usd = (v) => "$" + (v < 1 ? v.toFixed(4) : v.toFixed(2));
  const cap = (v) => (v == null ? "" : " of " + usd(v) + " cap");
  return `model spend today ${usd(sp.spent_today_usd)}${cap(sp.budget_day_usd)} · this month ${usd(sp.spent_month_usd)}${cap(sp.budget_month_usd)}`;
}

function fillTopicFilter() {
  // Parents first (what the list shows), then subtopics; each named with its id for the CLI.
  const mine = state.overview.topics.filter((t) => t.facet === state.facet);
  const group = (lvl, title) => {
    const ts = mine.filter((t) => (t.level || "sub") === lvl).sort((a, b) => a.label.localeCompare(b.label));
    return ts.length ? `<optgroup label="${title}">${ts.map((t) => `<option value="${esc(state.facet + ":" + t.topic_id)}">${esc(t.label)} (id ${t.topic_id})</option>`).join("")}</optgroup>` : "";
  };
  const two = mine.some((t) => t.level === "parent");
  $("#f-topic").innerHTML = '<option value="">Add a topic filter…</option>' +
    (two ? group("parent", "Topics") + group("sub", "Subtopics") : group("sub", "Topics")) +
    `<option value="${esc(state.facet + ":-1")}">no_match</option>`;
}

/* The chart library (plotly.min.js: 4.8 MB, 1.47 MB gzipped) loads when a chart is first drawn:
   in the page's head it held every view back (the home's text 3.2 s after the start, 11 s with
   the CPU slowed 4x; review rv13). Once the page has shown its first view, the browser fetches it
   at a low priority (prefetch, into its cache) without running it. */
let plotlyLoad = null;
function needPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  plotlyLoad ||= new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = PLOTLY_SRC; s.async = true;
    s.onload = () => resolve(window.Plotly);
    s.onerror = () => { plotlyLoad = null; s.remove(); reject(new Error("the chart library did not load")); };
    document.head.appendChild(s);
  });
  return plotlyLoad;
}
const PLOTLY_SRC = "/vendor/plotly.min.js";
function prefetchPlotly() {
  if (window.Plotly || document.querySelector(`link[href="${PLOTLY_SRC}"]`)) return;
  const l = document.createElement("link");
  l.rel = "prefetch"; l.as = "script"; l.href = PLOTLY_SRC;
  document.head.appendChild(l);
}

/* (Re)bind plot events after each draw: a full redraw inside Plotly.react drops listeners. */
function bindPlot(el, handlers) {
  for (const [ev, fn] of Object.entries(handlers)) { el.removeAllListeners?.(ev); el.on(ev, fn); }
}

/* An empty-state message in a plot's place; Plotly's own DOM and listeners are dropped. */
function emptyPlot(el, html) { window.Plotly?.purge(el); el.innerHTML = `<div class="empty">${html}</div>`; }

function showBanner(html) { const b = $("#banner"); b.innerHTML = html; b.classList.remove("hidden"); }

/* The view tabs as a tab list (WAI-ARIA tabs): each button a tab naming its panel, the open one
   aria-selected and the only one in the Tab order; Left/Right (wrapping), Home and End move to
   a tab and open it. Buttons a module adds (window.ttViews) are read each time. */
function tabButtons() { return [...document.querySelectorAll("#tabs button[data-tab]")]; }
function markTabs() {
  for (const b of tabButtons()) {
    const on = b.dataset.tab === state.tab, panel = document.getElementById("tab-" + b.dataset.tab);
    b.setAttribute("role", "tab");
    b.id ||= "tabbtn-" + b.dataset.tab;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
    b.classList.toggle("active", on);
    if (panel) {
      b.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", b.id);
    }
  }
}
const TAB_KEYS = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
function tabKey(e) {
  const step = TAB_KEYS[e.key], b = e.target.closest?.("button[data-tab]");
  if (step === undefined || !b || e.altKey || e.ctrlKey || e.metaKey) return;
  const all = tabButtons(), i = all.indexOf(b);
  const next = step === "first" ? all[0] : step === "last" ? all[all.length - 1] : all[(i + step + all.length) % all.length];
  e.preventDefault();
  next.focus();
  showTab(next.dataset.tab);
}

function bindUi() {
  $("#tabs").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-tab]"); if (!b) return;
    showTab(b.dataset.tab);
  });
  $("#tabs").addEventListener("keydown", tabKey);
  $("#link-note").addEventListener("click", (e) => { if (e.target.closest(".close")) e.currentTarget.classList.add("hidden"); });
  $("#facet").addEventListener("change", (e) => {
    state.facet = e.target.value; state.mapId = null; state.hiddenTopics.clear(); state.focus = null;
    state.expanded.clear(); state.colorKey = ""; $("#link-note").classList.add("hidden");
    $("#act-cluster-facet").textContent = state.facet; fillTopicFilter(); navigate({ push: true });
  });
  const onFilter = () => { state.mapId = null; navigate(); };
  window.addEventListener("popstate", () => {
    readUrl(); showTab(state.tab, { initial: true });
    state.trace ? openTrace(state.trace) : $("#drawer").classList.add("hidden");
  });
  bindSearch();
  $("#f-from").addEventListener("change", (e) => { state.filter.date_from = e.target.value; onFilter(); });
  $("#f-to").addEventListener("change", (e) => { state.filter.date_to = e.target.value; onFilter(); });
  $("#f-customer").addEventListener("change", (e) => { state.filter.customer = e.target.value; onFilter(); });
  $("#f-plan").addEventListener("change", (e) => { state.filter.plan_tier = e.target.value; onFilter(); });
  $("#f-label").addEventListener("change", (e) => {
    if (e.target.value && !state.filter.label.includes(e.target.value)) state.filter.label.push(e.target.value);
    e.target.value = ""; onFilter();
  });
  $("#f-topic").addEventListener("change", (e) => {
    if (e.target.value && !state.filter.topic.includes(e.target.value)) state.filter.topic.push(e.target.value);
    e.target.value = ""; onFilter();
  });
  $("#f-reset").addEventListener("click", () => {
    state.filter = { date_from: "", date_to: "", customer: "", plan_tier: "", label: [], topic: [] };
    ["#f-from", "#f-to", "#f-customer", "#f-plan"].forEach((s) => ($(s).value = ""));
    onFilter();
  });
  $("#chips").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-kind]"); if (!b) return;
    const { kind, value } = b.dataset;
    if (kind === "focus") { drill(null); return; }
    if (kind === "label" || kind === "topic") state.filter[kind] = state.filter[kind].filter((x) => x !== value);
    else { state.filter[kind] = ""; const id = { customer: "#f-customer", plan_tier: "#f-plan", date_from: "#f-from", date_to: "#f-to" }[kind]; $(id).value = ""; }
    onFilter();
  });
  $("#map-select").addEventListener("change", (e) => { state.mapId = e.target.value; syncUrl(); renderMap(); });
  $("#show-nomatch").addEventListener("change", renderTopics);
  $("#grain").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-grain]"); if (!b) return;
    state.grain = b.dataset.grain;
    document.querySelectorAll("#grain button").forEach((x) => x.classList.toggle("active", x === b));
    syncUrl(); renderTrends();
  });
  $("#drawer-close").addEventListener("click", closeTrace);
  $("#modal-close").addEventListener("click", closeModal);
  $("#modal").addEventListener("click", (e) => { if (e.target.id === "modal") closeModal(); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !e.target.closest?.(".search")) { closeModal(); closeTrace(); } });
  $("#act-cluster").addEventListener("click", clusterSubset);
  $("#act-export").addEventListener("click", () => exportSet());
  $("#act-review").addEventListener("click", () => reviewDialog());
  $("#review-assignee").addEventListener("change", renderReview);
  $("#review-status").addEventListener("change", renderReview);
}

/* The header's data line, on two short lines so nothing is cut at 1440 px: the traces in
   scope (of all, under a filter), then the days they cover as the charts draw them (with no
   date filter, from where the time axes start; traces before a long gap are "earlier");
   the snapshot's folder in the tooltip. The days come with the scope's count
   (/api/traces' `span`); until then only the count is said. */
function showSnapshot(ov, name = ov.snapshot) {
  state.snapshotName = name;
  showDataLine();
}
function showDataLine() {
  const ov = state.overview, el = $("#snapshot"), sc = state.scope;
  if (!ov) return;
  const of = sc && sc.total !== ov.traces ? `${fmt(sc.total)} of ${fmt(ov.traces)} traces` : `${fmt(ov.traces)} traces`;
  const sp = sc?.span, earlier = sp?.earlier ? ` · ${fmt(sp.earlier)} earlier` : "";
  const days = !sp ? "" : sp.first_day ? `${sp.first_day} → ${sp.last_day}${earlier}` : "no days";
  el.innerHTML = `<span>${esc(of)}</span><span>${esc(days)}</span>`;
  const before = sp?.earlier ? `; ${count(sp.earlier, "earlier trace")} from ${ov.date_min}, before a long gap without traces, ${sp.earlier === 1 ? "is" : "are"} left off the time axes` : "";
  el.title = `${of}${sp?.first_day ? ` from ${sp.first_day} to ${sp.last_day}` : ""}${before} · snapshot ${state.snapshotName || "?"}`;
}

function renderChips() {
  const f = state.filter; const chips = [];
  const chip = (kind, value, text) => chips.push(`<span class="chip">${esc(text)}<button data-kind="${kind}" data-value="${esc(value)}" title="Remove">×</button></span>`);
  if (f.date_from) chip("date_from", f.date_from, "from " + f.date_from);
  if (f.date_to) chip("date_to", f.date_to, "to " + f.date_to);
  if (f.customer) chip("customer", f.customer, "customer: " + f.customer);
  if (f.plan_tier) chip("plan_tier", f.plan_tier, "plan: " + f.plan_tier);
  f.label.forEach((l) => { const i = l.indexOf(":"); chip("label", l, `${l.slice(0, i)}: ${labelText(l.slice(0, i), l.slice(i + 1))}`); });
  if (state.focus !== null) chip("focus", state.focus, `${state.facet} topic: ${topicName(state.focus)} (id ${state.focus})`);
  f.topic.forEach((t) => { const [fc, id] = t.split(":"); chip("topic", t, `${fc} topic: ${topicName(Number(id), fc)}${Number(id) >= 0 ? ` (id ${id})` : ""}`); });
  $("#chips").innerHTML = chips.join("") || '<span class="muted small">No filters: all traffic.</span>';
}

/* "To" before "From": said beside the dates, and no view asks the server (each answered 400
   with the API's field names, review rv6 E3). Returns whether the dates are usable. */
function checkDates() {
  const { date_from: from, date_to: to } = state.filter;
  const bad = !!(from && to && from > to);
  $("#f-to").classList.toggle("invalid", bad);
  $("#f-to").setAttribute("aria-invalid", String(bad));
  $("#date-error").textContent = bad ? "‘To’ is before ‘From’" : "";
  $("#date-error").title = bad ? `To ${to} is before From ${from}: the views wait for dates in order.` : "";
  $("#date-error").classList.toggle("hidden", !bad);
  // What the views show is of the last usable filter: dimmed until the dates are in order.
  document.querySelectorAll(".tab").forEach((x) => x.classList.toggle("held", bad));
  return !bad;
}
/* The filter-bar actions need traces: at 0 in scope they are off, and say why. */
function scopeActions(total) {
  state.scopeTotal = total;
  for (const id of ["#act-cluster", "#act-export", "#act-review"]) {
    const b = $(id), none = total === 0;
    b.disabled = none;
    b.classList.toggle("none-in-scope", none);
    if (none) { b.dataset.title ??= b.title; b.title = "No traces in this filter"; }
    else if (b.dataset.title !== undefined) { b.title = b.dataset.title; delete b.dataset.title; }
  }
}
function refresh() {
  renderChips();
  syncUrl();
  if (!checkDates()) {
    ticket("scope");  // an answer still on the way is stale
    $("#scope-count").textContent = "";
    scopeActions(0);
    return;
  }
  const fresh = ticket("scope");
  api("/api/traces?" + filterParams({ limit: 1 })).then((r) => { if (fresh()) { $("#scope-count").textContent = `${count(r.total, "trace")} in scope`; scopeActions(r.total); state.scope = r; showDataLine(); } }).catch(() => {});
  renderTab();
}
/* Views by tab name; another module can add its own (window.ttViews.home = fn) with a
   <section id="tab-NAME"> and a tab button. */
window.ttViews = window.ttViews || {};
/* While a view waits for its data it says so ("Loading…" over it, what it showed before
   dimmed): a first open is otherwise a blank page for seconds. Only the newest render clears it. */
let loadSeq = 0;
function renderTab() {
  const own = { map: renderMap, topics: renderTopics, trends: renderTrends, slices: renderSlices, traces: renderTraces, review: renderReview, exports: renderExports, subsets: renderSubsets };
  const fn = own[state.tab] || window.ttViews[state.tab];
  if (!fn) return;
  const n = ++loadSeq, sec = document.getElementById("tab-" + state.tab);
  document.querySelectorAll(".tab.loading").forEach((x) => x !== sec && x.classList.remove("loading"));
  sec?.classList.add("loading");
  const name = document.querySelector(`#tabs button[data-tab="${state.tab}"]`)?.textContent || "";
  $("#loading-text").textContent = name ? `Loading ${name}…` : "Loading…";
  $("#loading").classList.remove("hidden");
  const done = () => {
    prefetchPlotly();  // the first view is up: the chart library next, in the background
    if (n !== loadSeq) return;
    sec?.classList.remove("loading");
    $("#loading").classList.add("hidden");
  };
  Promise.resolve().then(fn).then(done, (e) => { done(); toast(`Could not load ${name || "this view"}: ${e.message}. ${whatToDo(e)}`, 9000); });
}
function showTab(tab, { initial = false } = {}) {
  if (!document.getElementById("tab-" + tab)) tab = defaultTab();
  const changed = tab !== state.tab;
  state.tab = tab;
  markTabs();
  document.querySelectorAll(".tab").forEach((s) => s.classList.toggle("hidden", s.id !== "tab-" + tab));
  if (!initial && changed) { syncUrl({ push: true }); $("#link-note").classList.add("hidden"); }
  refresh();
}

/* ---------- map ---------- */
async function renderMap() {
  const facet = state.facet;
  const fresh = ticket("map");
  needPlotly().catch(() => {});  // fetched while the map's data is asked for
  await ensureColors();
  const level = effLevel();
  const q = filterParams({ facet, level, map_id: state.mapId || undefined });
  const [data, list] = await Promise.all([api("/api/map?" + q), api("/api/topics?" + filterParams({ facet, level, no_match: true, parent: state.focus }, { focus: false }))]);
  if (!fresh()) return;
  state.mapData = data;
  $("#map-crumbs").innerHTML = crumbsHtml(); bindCrumbs($("#map-crumbs"));
  $("#map-select").classList.toggle("hidden", !data.maps.length);
  $("#map-select").innerHTML = data.maps.map((m) => `<option value="${esc(m.map_id)}" ${m.map_id === data.map_id ? "selected" : ""}>${esc(m.map_id)} · ${count(m.n, "trace")} on the map</option>`).join("");
  const bars = labelBarsShown(facet);
  $("#map-count").textContent = bars ? labelBarsText(list, facet, data) : mapCountText(data, facet);
  $("#tab-map .map-layout").classList.toggle("bars", bars);
  if (bars) {
    const el = $("#map-plot");
    window.Plotly?.purge(el); el.style.height = ""; el.innerHTML = labelBars(list, data); bindLabelBars(el);
    renderLegend(list, data);
    return;
  }
  const x = b64(data.x, Float32Array), y = b64(data.y, Float32Array), tid = b64(data.topic_id, Int32Array);
  const w = b64(data.w, Int32Array);
  const ids = data.ids ? data.ids.split("\n") : [];
  data._x = x; data._y = y; data._tid = tid; data._ids = ids;
  data._w = new Map(ids.map((id, i) => [id, w[i]]));
  // One WebGL trace per coloured topic, one for "other topics", one for no_match: the legend
  // hides them and colours stay exact. Hover names the point's own topic. A point stands for
  // the traces at its position (identical summaries share one): its size grows with them.
  // Area grows with the traces (the largest point at most 60 px across).
  const base = ids.length > 20000 ? 3 : 5;
  const maxW = w.reduce((a, v) => Math.max(a, v), 1), top = Math.min(60, base * Math.sqrt(maxW));
  const size = (n) => (n <= 1 ? base : base + (top - base) * Math.sqrt((n - 1) / (maxW - 1)));
  const groups = new Map();
  for (let i = 0; i < ids.length; i++) {
    const t = tid[i], k = t === -1 || state.colors.has(t) ? t : OTHER;
    let g = groups.get(k); if (!g) groups.set(k, (g = { x: [], y: [], ids: [], t: [], s: [] }));
    g.x.push(x[i]); g.y.push(y[i]); g.ids.push(ids[i]); g.t.push(t); g.s.push(size(w[i]));
  }
  const rank = [...state.colors.keys()];
  const order = (k) => (k === -1 ? -2 : k === OTHER ? -1 : rank.length - rank.indexOf(k));
  // Drawn no_match first, then other topics, then the coloured topics (largest on top last).
  const traces = [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([k, g]) => ({
    type: "scattergl", mode: "markers", name: plotText(topicName(k, facet)), x: g.x, y: g.y, customdata: g.ids, text: g.t,
    meta: k, visible: state.hiddenTopics.has(k) ? "legendonly" : true, hoverinfo: "none",
    marker: { size: g.s, color: k === OTHER ? OTHER_COLOR : colorFor(k), opacity: k === -1 ? 0.4 : k === OTHER ? 0.5 : 0.75, line: { width: 0 } },
  }));
  const el = $("#map-plot");
  if (!ids.length) {
    // The facet has a map (the overview lists it) when the filter is what selects nothing.
    const mapped = data.maps.length || (state.overview?.maps || []).some((m) => m.facet === facet);
    emptyPlot(el, mapped ? "No traces in this filter." : `No classified traces for <b>${esc(facet)}</b>: the facet has no topic map yet.`);
  } else if (ids.length < data.min_points) {
    // A map of a few points says nothing its list does not (one rule, queries.MIN_MAP_POINTS).
    emptyPlot(el, `Too few points to map: a map needs at least ${data.min_points}. <button class="ghost" data-act="as-list">See them as a list</button>`);
    el.onclick = (e) => { if (e.target.closest("button[data-act=as-list]")) showTab("topics"); };
  } else {
    el.querySelector(".empty")?.remove(); el.querySelector(".label-bars")?.remove(); el.onclick = null;
    fitMap();
    await needPlotly();
    if (!fresh()) return;
    await Plotly.react(el, traces, {
      margin: { l: 10, r: 10, t: 10, b: 10 }, showlegend: false, hovermode: "closest", dragmode: "pan",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" }, plot_bgcolor: "#fff", paper_bgcolor: "#fff",
    }, { responsive: true, displaylogo: false, scrollZoom: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] });
    bindPlot(el, {
      plotly_hover: showHover,
      plotly_unhover: hideHover,
      plotly_click: (ev) => { const p = ev.points[0]; if (p) openTrace(p.customdata); },
    });
  }
  renderLegend(list, data);
}

/* The map takes the window's height below its own top (review rv6 E5: at 2560 x 1300 it stayed
   560 px tall, two thirds of the screen empty), from 460 to 1500 px; the legend beside it ends
   with the plot's card. Under 700 px narrow.css sizes it. */
function fitMap() {
  const el = $("#map-plot"), legend = $("#legend");
  if (window.matchMedia("(max-width: 700px)").matches || el.offsetParent === null) {
    el.style.height = legend.style.maxHeight = "";
    return;
  }
  const top = el.getBoundingClientRect().top + window.scrollY;
  el.style.height = Math.round(Math.max(460, Math.min(1500, window.innerHeight - top - 26))) + "px";
  const bottom = el.closest(".card").getBoundingClientRect().bottom;
  legend.style.maxHeight = Math.max(200, Math.round(bottom - legend.getBoundingClientRect().top - 15)) + "px";
}
window.addEventListener("resize", () => {
  const el = $("#map-plot");
  if (!el.data || el.offsetParent === null) return;
  fitMap(); window.Plotly?.Plots.resize(el);
});

/* What the Map tab says of a labelled facet's labels, counted rather than placed. */
function labelBarsText(list, facet, data) {
  const n = list.topics.filter((t) => t.topic_id !== -1).length;
  // The map picker counts the traces on the map: say which of the labels' traces those are
  // ("3,195 traces" beside "9,001 traces in 7 labels" read as two counts of one thing).
  const off = (data.off_map || []).filter((o) => o.n);
  const onMap = off.length && data.total
    ? `; ${fmt(data.total)} of them are on the map, all but ${off.map((o) => `“${topicName(o.topic_id, facet)}” (${fmt(o.n)})`).join(", ")}, which ${off.length === 1 ? "is" : "are"} counted, not placed`
    : "";
  return `${count(list.total, "trace")} in ${count(n, "label")}${onMap}. A map places a trace by what its ${facet} summary says (the reason), not by its label, so the labels are counted here; open one for the map of its reasons.`;
}
/* A labelled facet's map (its reasons, inside one label or all of them): what a place means. */
function reasonsText(facet) {
  const f = (state.overview?.facets || []).find((x) => x.facet === facet);
  if (!(f && f.labels.length && hasLevels(facet))) return "";
  return state.focus !== null
    ? ` · close points give similar reasons (the ${facet} summaries of “${topicName(state.focus, facet)}”)`
    : ` · close points give similar reasons (the ${facet} summaries), whatever their label`;
}
/* What the map draws, in words: traces, the points they sit on, a sample, and what has no
   position at all (a labelled facet's default label is not mapped). */
function mapCountText(data, facet) {
  if (!data.n && !(data.off_map || []).length) return "";
  const points = data.points ?? data.n;
  let text = points < data.n
    ? `${count(data.n, "trace")} on ${count(points, "point")} (a point's size: the traces that share it)`
    : `${count(data.n, "trace")}, one point each`;
  if (data.n < data.total) text += `, sampled from ${fmt(data.total)}`;
  const off = data.off_map || [];
  const offN = off.reduce((a, o) => a + o.n, 0);
  if (offN) {
    const named = off.slice(0, 3).map((o) => `${topicName(o.topic_id, facet)} ${fmt(o.n)}`).join(", ");
    text += ` · ${fmt(offN)} not on the map (${named}${off.length > 3 ? ", …" : ""})`;
  }
  return text + (points < data.min_points ? "" : reasonsText(facet));
}

const summaryCache = new Map();
async function showHover(ev) {
  const p = ev.points[0]; if (!p) return;
  const id = p.customdata, t = p.data.text ? p.data.text[p.pointIndex] : p.data.meta;
  const card = $("#hover-card");
  const e = ev.event;
  const place = () => {
    const w = 390; const left = Math.min(window.innerWidth - w, (e?.clientX ?? 200) + 14);
    card.style.left = left + "px"; card.style.top = Math.max(8, (e?.clientY ?? 200) + 14) + "px";
  };
  card.innerHTML = `<div class="hc-topic"><span class="swatch" style="background:${colorFor(t)}"></span> ${esc(topicName(t))}</div><div class="muted">${esc(id)}</div><div><span class="spinner"></span></div>`;
  card.classList.remove("hidden"); place();
  state.hoverId = id;
  const key = state.facet + "|" + id;
  let s = summaryCache.get(key);
  if (!s) { try { s = await api(`/api/summary?trace_id=${encodeURIComponent(id)}&facet=${encodeURIComponent(state.facet)}`); summaryCache.set(key, s); } catch { return; } }
  if (state.hoverId !== id) return;
  const shared = state.mapData?._w?.get(id) || 1;
  card.innerHTML = `<div class="hc-topic"><span class="swatch" style="background:${colorFor(t)}"></span> ${esc(topicName(t))}</div>
    <div class="hc-summary">${esc(s.summary || "(no summary)")}</div>
    ${shared > 1 ? `<div class="small"><b>${fmt(shared)} traces</b> share this point (the same summary); one is shown</div>` : ""}
    <div class="muted small">${esc(id)} · ${esc(s.customer || "?")} · ${esc(s.plan_tier || "?")} · ${esc((s.created || "").slice(0, 10))}</div>
    <div class="muted small">click to open the trace</div>`;
}
function hideHover() { state.hoverId = null; $("#hover-card").classList.add("hidden"); }

/* ---------- trends ---------- */
async function renderTrends() {
  const facet = state.facet;
  const fresh = ticket("trends");
  needPlotly().catch(() => {});
  await ensureColors();
  // What "What changed" says grew or faded, asked for beside the series (not only after a visit
  // to the home: a Trends link must show the same chart).
  const movedSoon = typeof homeMoves === "function" ? homeMoves(facet, effLevel()) : Promise.resolve(new Map());
  const tl = await api("/api/timeline?" + filterParams({ facet, grain: state.grain, level: effLevel() }));
  const moved = await movedSoon;
  if (!fresh()) return;
  $("#trend-title").textContent = state.focus !== null ? `Volume over time: subtopics of “${topicName(state.focus)}”` : "Volume over time";
  const el = $("#trend-plot");
  axisNote("#trend-before", tl.before);
  if (!tl.buckets.length) { $("#trend-note").classList.add("hidden"); emptyPlot(el, "No classified traces in this filter."); return; }
  el.querySelector(".empty")?.remove();
  const { traces, rest, week, defaults } = trendSeries(tl, moved);
  state.trendRest = rest;
  trendNote(tl, week, defaults);
  // The drawn lines lead the legend, so their names are in view without scrolling it; on a
  // phone the legend sits under the plot.
  const narrow = isNarrow();
  el.classList.toggle("narrow", narrow);
  // A week the data starts or ends in (or a date filter cuts) is labelled with its days.
  const partial = week ? tl.buckets.map((b, i) => [b, tl.days[i]]).filter(([, d]) => d > 0 && d < 7) : [];
  await needPlotly();
  if (!fresh()) return;
  await Plotly.react(el, traces, {
    margin: { l: 50, r: 10, t: partial.length ? 24 : 10, b: 40 }, hovermode: "closest",
    annotations: partial.map(([b, d]) => ({ x: b, xref: "x", y: 1, yref: "paper", yanchor: "bottom", showarrow: false,
      text: `${d} of 7 days`, font: { size: 11, color: "#6b7280" } })),
    legend: narrow
      ? { orientation: "h", x: 0, y: -0.12, yanchor: "top", font: { size: 11 }, maxheight: 0.45, title: { text: LEGEND_HINT, side: "top" } }
      : { orientation: "v", x: 1.01, y: 1, font: { size: 11 }, title: { text: LEGEND_HINT } },
    // Plotly 3 reads an axis title as { text } only (a plain string drew none).
    xaxis: { type: "date", ...dayTicks(tl.buckets, week) },
    yaxis: { title: { text: week ? "traces a day (week's average)" : "traces" }, rangemode: "tozero", automargin: true,
             ...(week ? {} : countTicks(traces)) },
  }, { responsive: true, displaylogo: false });
  bindPlot(el, {
    plotly_click: (ev) => {
      const p = ev.points[0]; if (!p) return;
      const start = String(p.x).slice(0, 10);
      const end = state.grain === "week" ? addDays(start, 6) : start;
      const tid = p.data.meta;
      $("#trend-traces-title").textContent = `${tid === OTHER ? p.data.name : topicName(tid)} · ${start}${end !== start ? " → " + end : ""}`;
      drillLink("#trend-drill", tid);
      const ids = tid === OTHER ? state.trendRest || [] : [tid];
      listTraces("#trend-traces", { topic: ids.map((t) => `${state.facet}:${t}`), date_from: start, date_to: end });
    },
  });
}
/* A time axis of a few daily or weekly buckets ticks once a bucket, as dates: left to Plotly,
   one day read "23:59:59.999 … 00:00:00.0005" (session 24 walk). A lone bucket gets a bucket's
   room either side. */
const DAY_MS = 86400000;
function dayTicks(buckets, week) {
  if (!buckets.length || buckets.length > 14) return {};
  const step = (week ? 7 : 1) * DAY_MS, t0 = Date.parse(buckets[0]), t1 = Date.parse(buckets[buckets.length - 1]);
  const iso = (t) => new Date(t).toISOString().replace("T", " ").replace("Z", "");  // Plotly's form
  return { tick0: buckets[0], dtick: step, tickformat: "%b %-d", range: [iso(t0 - step / 2), iso(t1 + step / 2)] };
}
/* A daily count axis whose lines stay under 6 ticks whole traces (it ticked 0.2, 0.4, … of a
   trace); larger counts keep Plotly's own steps, whole numbers already. */
function countTicks(traces) {
  const drawn = traces.filter((t) => t.visible !== "legendonly").flatMap((t) => t.y || []);
  return Math.max(0, ...drawn) < 6 ? { dtick: 1, tick0: 0 } : {};
}
/* The chart's lines, at most 30 in the legend like the Map's: 28 topics (the coloured ones, plus
   what "What changed" says grew or faded, ▲/▼, which keep a line of their own even when they rank
   past the colours, in place of the smallest coloured ones), then "Other topics (n)" summed, then
   no_match as a dotted grey line left hidden: it is not a topic. At most TREND_DRAWN lines are
   drawn (the marked ones first, then the largest), each in a colour of its own from the palette's
   first, most distinct colours; the others are a click away in the legend, after the drawn ones
   (review rv6 E4: ~14 lines in pinks and reds no one could tell apart, their names under the
   legend's fold). Returns the lines and the ids summed into "Other". */
const TREND_DRAWN = 8;
const LEGEND_HINT = "<i>click a name to show or hide its line</i>";
function trendSeries(tl, moved = new Map()) {
  const TREND_LINES = PALETTE.length;  // topics.js: 28 colours
  // The facet's default label ("No competitor mentioned", ~275 a day) is no topic line: drawn
  // it set the scale and the real topics lay flat under it (review rv12 M2).
  const defaults = tl.series.filter((s) => isDefaultTopic(s));
  const topics = tl.series.filter((s) => s.topic_id !== -1 && !isDefaultTopic(s));
  const marked = topics.filter((s) => moved.has(s.topic_id)).slice(0, TREND_LINES);
  const coloured = topics.filter((s) => state.colors.has(s.topic_id) && !moved.has(s.topic_id));
  const keep = new Set([...marked, ...coloured.slice(0, TREND_LINES - marked.length)].map((s) => s.topic_id));
  const own = topics.filter((s) => keep.has(s.topic_id));
  const rest = topics.filter((s) => !keep.has(s.topic_id));
  const nm = tl.series.find((s) => s.topic_id === -1);
  // A marked topic past the colours takes the colour of a coloured one left out of the chart.
  const spare = coloured.filter((s) => !keep.has(s.topic_id)).map((s) => colorFor(s.topic_id));
  const colour = new Map(own.map((s) => [s.topic_id, state.colors.has(s.topic_id) ? colorFor(s.topic_id) : spare.shift() || OTHER_COLOR]));
  const drawn = new Set([...marked, ...own.filter((s) => !moved.has(s.topic_id))].slice(0, TREND_DRAWN).map((s) => s.topic_id));
  // A drawn line whose colour is not among the distinct ones swaps it with the line (hidden)
  // holding a free one: every line keeps a colour of its own.
  // A label's tone (Negative is red) and the default label's quiet grey keep their meaning.
  const DISTINCT = PALETTE.slice(0, TREND_DRAWN + 1), meant = new Set([...Object.values(TONE), DEFAULT_COLOR]);
  const used = new Set([...drawn].map((id) => colour.get(id)));
  for (const id of drawn) {
    if (DISTINCT.includes(colour.get(id)) || meant.has(colour.get(id))) continue;
    const free = DISTINCT.find((c) => !used.has(c));
    const holder = [...colour.entries()].find(([, c]) => c === free);
    if (holder) colour.set(holder[0], colour.get(id));
    colour.set(id, free); used.add(free);
  }
  // Weekly: a point is the week's traces a day, over its days with data (tl.days), so the week
  // in progress (3 days) and the week the data starts in read like full weeks (review rv12 M3:
  // raw counts drew every topic plunging); such a week's point is hollow, its count and days
  // in the hover. Daily: counts as they are.
  const week = tl.grain === "week" && Array.isArray(tl.days) && tl.days.length === tl.buckets.length;
  const per = (counts) => (week ? counts.map((n, i) => (tl.days[i] ? n / tl.days[i] : null)) : counts);
  const points = (counts, size) => (week
    ? { customdata: counts.map((n, i) => [n, tl.days[i]]),
        marker: { size, symbol: tl.days.map((d) => (d > 0 && d < 7 ? "circle-open" : "circle")) } }
    : { marker: { size } });
  const hover = (name) => (week
    ? `week of %{x|%b %-d}<br>%{y:.1f} traces a day<br>%{customdata[0]} traces in %{customdata[1]} of 7 days<extra>${name}</extra>`
    : `%{x}<br>%{y} traces<extra>${name}</extra>`);
  const line = (s) => ({
    type: "scatter", mode: "lines+markers", name: (moved.has(s.topic_id) ? moved.get(s.topic_id) + " " : "") + plotText(s.label), x: tl.buckets, y: per(s.counts), meta: s.topic_id,
    line: { color: colour.get(s.topic_id), width: moved.has(s.topic_id) ? 3 : 2 }, ...points(s.counts, 6),
    visible: drawn.has(s.topic_id) ? true : "legendonly",
    hovertemplate: hover(plotText(s.label.slice(0, 40))),
  });
  const traces = [...own.filter((s) => drawn.has(s.topic_id)), ...own.filter((s) => !drawn.has(s.topic_id))].map(line);
  if (rest.length) {
    const name = `Other ${levelWord()} (${rest.length})`;
    const sum = tl.buckets.map((_, b) => rest.reduce((a, s) => a + s.counts[b], 0));
    traces.push({
      type: "scatter", mode: "lines+markers", name, x: tl.buckets, meta: OTHER, y: per(sum), ...points(sum, 5),
      line: { color: OTHER_COLOR, width: 2 }, visible: "legendonly",
      hovertemplate: hover(esc(name)),
    });
  }
  // The default label apart: hidden (a click on its name draws it), in its quiet grey, dashed;
  // drawn only when there is nothing else to draw.
  for (const s of defaults) {
    traces.push({
      type: "scatter", mode: "lines+markers", name: `${plotText(s.label)} (default label)`, x: tl.buckets, y: per(s.counts), meta: s.topic_id,
      ...points(s.counts, 5), line: { color: colorFor(s.topic_id) || DEFAULT_COLOR, width: 2, dash: "dash" },
      visible: topics.length ? "legendonly" : true,
      hovertemplate: hover(plotText(s.label.slice(0, 40))),
    });
  }
  if (nm) {
    traces.push({
      type: "scatter", mode: "lines", name: "no_match (not a topic)", x: tl.buckets, y: per(nm.counts), meta: -1,
      ...(week ? { customdata: nm.counts.map((n, i) => [n, tl.days[i]]) } : {}),
      line: { color: "#9aa1ae", width: 1.5, dash: "dot" }, visible: "legendonly",
      hovertemplate: hover("no_match"),
    });
  }
  return { traces, rest: rest.map((s) => s.topic_id), week, defaults: topics.length ? defaults : [] };
}
/* Above the chart, what it leaves out or plots differently: the default label kept off the
   scale (M2), and weekly points per day with the partial weeks named (M3). */
function trendNote(tl, week, defaults) {
  const el = $("#trend-note");
  const parts = [];
  if (defaults.length) {
    const names = defaults.map((s) => `“${esc(s.label)}”`).join(", ");
    const n = defaults.reduce((a, s) => a + s.total, 0);
    parts.push(`${names}, the facet's default label (${count(n, "trace")}), is not drawn, so the chart is scaled to the real ${levelWord()}: click its name in the legend to draw it.`);
  }
  if (week) {
    const part = tl.buckets.map((b, i) => [b, tl.days[i]]).filter(([, d]) => d > 0 && d < 7);
    const day = (b) => new Date(b + "T00:00:00Z").toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
    const said = part.map(([b, d]) => `the week of ${day(b)} has ${d} of its 7 days`).join(", ");
    parts.push(`Each point is the week's traces a day (its count over its days with data), so weeks compare whatever their length${part.length ? `; ${said} (hollow points: fewer days, read them with care)` : ""}. Hover a point for its count.`);
  }
  el.innerHTML = parts.join(" ");
  el.classList.toggle("hidden", !parts.length);
}
/* Traces the time axis leaves out (queries.timeline's `before`: they lie before a long run of
   days without traces and, with no date filter, the axis starts after it; review rv9 A-a), said
   above the chart with the way to see them: the date filter, which always wins. */
function axisNote(sel, before) {
  const el = $(sel);
  el.classList.toggle("hidden", !before);
  if (!before) { el.innerHTML = ""; return; }
  const span = before.first_day === before.last_day ? `on ${before.first_day}` : `from ${before.first_day} to ${before.last_day}`;
  el.innerHTML = `${count(before.traces, "trace")} ${span} ${before.traces === 1 ? "is" : "are"} not drawn: ${count(before.gap_days, "day")} without traces separate ${before.traces === 1 ? "it" : "them"} from ${before.axis_from} on, where the axis starts. <button class="ghost" data-from="${esc(before.first_day)}">Show from ${esc(before.first_day)}</button> <span class="muted">(sets the date filter's From)</span>`;
  el.onclick = (e) => {
    const b = e.target.closest("button[data-from]"); if (!b) return;
    const from = $("#f-from"); from.value = b.dataset.from; from.dispatchEvent(new Event("change"));  // the filter bar's own path
  };
}
function addDays(iso, n) { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }

/* Beside a parent's traces (chart point, heatmap cell): open its subtopics in every view. */
function drillLink(sel, tid) {
  const el = $(sel);
  const can = effLevel() === "parent" && hasLevels() && tid !== -1 && tid !== OTHER;
  el.innerHTML = can ? `<button class="ghost" data-drill="${tid}">Open its subtopics</button>` : "";
  el.onclick = (e) => { const b = e.target.closest("button[data-drill]"); if (b) drill(Number(b.dataset.drill)); };
}

/* traces for the current filter narrowed further (chart point, heatmap cell) */
async function listTraces(target, narrow = {}) {
  const f = state.filter;
  const from = [f.date_from, narrow.date_from].filter(Boolean).sort().pop() || "";
  const to = [f.date_to, narrow.date_to].filter(Boolean).sort()[0] || "";
  const extra = { facet: state.facet, limit: 50, topic: narrow.topic || [], label: narrow.label || [] };
  const saved = { ...state.filter };
  state.filter = { ...f, date_from: from, date_to: to };
  const q = filterParams(extra);
  state.filter = saved;
  const r = await api("/api/traces?" + q);
  $(target).classList.remove("muted");
  $(target).innerHTML = traceTable(r, pinnedLabels(narrow.label || []));
  $(target).onclick = (e) => { const tr = e.target.closest("tr[data-trace]"); if (tr) openTrace(tr.dataset.trace); };
}
/* facet labels as pills, each named by its facet ("Sentiment NEGATIVE") */
/* A facet's default label ("No issue", "Low churn risk") says nothing happened: shown last, quiet. */
function isDefaultLabel(facet, v) {
  const f = (state.overview?.facets || []).find((x) => x.facet.toLowerCase() === String(facet).toLowerCase());
  return Boolean(f && f.default_label && f.default_label === v);
}
function pills(labels) {
  const entries = Object.entries(labels || {});
  const ordered = [...entries.filter(([k, v]) => !isDefaultLabel(k, v)), ...entries.filter(([k, v]) => isDefaultLabel(k, v))];
  return ordered.map(([k, v]) => `<span class="pill ${esc(v)}${isDefaultLabel(k, v) ? " quiet" : ""}" title="${esc(k)}: ${esc(v)}"><span class="pill-facet">${esc(k)}</span> ${esc(labelText(k, v))}</span>`).join("");
}
/* Facets that the label filter (and `extra`, a slice's own) holds to one value
   ("Sentiment:NEGATIVE"): facet -> value. Every trace listed has it, so a pill or a column of
   it repeats the filter and says nothing (the session 22 walk: "Sentiment Negative" on every row). */
function pinnedLabels(extra = []) {
  const by = new Map();
  for (const v of [...state.filter.label, ...extra]) {
    const at = v.indexOf(":");
    if (at > 0) (by.get(v.slice(0, at)) || by.set(v.slice(0, at), new Set()).get(v.slice(0, at))).add(v.slice(at + 1));
  }
  return new Map([...by].filter(([, vals]) => vals.size === 1).map(([f, vals]) => [f, [...vals][0]]));
}
function traceTable(r, pinned = pinnedLabels()) {
  if (!r.traces.length) return '<div class="empty">No traces.</div>';
  const held = [...pinned].filter(([f, v]) => r.traces.every((t) => (t.labels || {})[f] === v));
  const unpinned = (labels) => Object.fromEntries(Object.entries(labels || {}).filter(([f, v]) => !held.some(([hf, hv]) => hf === f && hv === v)));
  const said = held.map(([f, v]) => `${esc(f)}: ${esc(labelText(f, v))}`).join(", ");
  return `<div class="muted small">${count(r.total, "trace")}${r.total > r.traces.length ? `, newest ${r.traces.length} shown` : ""}${said ? ` · <span class="pinned-labels">${said} on every one (the filter), not repeated on each row</span>` : ""}</div>
  <div class="table-wrap"><table class="data trace-table"><thead><tr><th>trace</th><th>created</th><th>customer</th><th>plan</th><th>${esc(state.facet)} summary</th><th>labels</th></tr></thead><tbody>
  ${r.traces.map((t) => `<tr class="click" data-trace="${esc(t.id)}"><td class="c-id"><code>${esc(t.id)}</code></td><td class="c-created">${esc((t.created || "").slice(0, 16).replace("T", " "))}</td>
    <td class="c-customer">${esc(t.customer || "")}</td><td class="c-plan">${esc(t.plan_tier || "")}</td><td class="c-summary">${esc(t.summary || "")}</td>
    <td class="c-labels">${pills(unpinned(t.labels))}</td></tr>`).join("")}
  </tbody></table></div>`;
}

/* ---------- cross-slices ---------- */
/* Columns in the order the facet defines its labels (the largest first when it defines none). */
function sortColumns(ct, facet) {
  const f = (state.overview?.facets || []).find((x) => x.facet.toLowerCase() === facet.toLowerCase());
  const order = (f && f.label_order) || [];
  if (!order.length) return;
  const rank = (c) => (order.includes(c) ? order.indexOf(c) : order.length);
  const idx = ct.cols.map((_, i) => i).sort((a, b) => rank(ct.cols[a]) - rank(ct.cols[b]) || a - b);
  ct.cols = idx.map((i) => ct.cols[i]);
  ct.counts = ct.counts.map((r) => idx.map((i) => r[i]));
}
function facetLike(name) {
  const f = (state.overview?.facets || []).find((x) => x.facet.toLowerCase() === name.toLowerCase());
  return f ? f.facet : null;
}
/* The heatmap cell [row, column] under a click, read from the click's own position. Plotly
   names the cell its last hover found, and hover runs at most every 50 ms: a click soon after
   the pointer crossed a neighbouring cell listed that cell's traces (a hover at Negative's
   centre clicked Neutral in test_levels_e2e). Its hover point when the click has no position. */
function clickedCell(gd, ev, nRows, nCols) {
  const e = ev.event, t = e?.changedTouches?.[0] || e, L = gd._fullLayout;
  const drag = gd.querySelector(".nsewdrag");
  if (t && Number.isFinite(t.clientX) && drag && L?.xaxis?.p2c && L?.yaxis?.p2c) {
    const r = drag.getBoundingClientRect();
    const j = Math.round(L.xaxis.p2c(t.clientX - r.left)), i = Math.round(L.yaxis.p2c(t.clientY - r.top));
    if (i >= 0 && i < nRows && j >= 0 && j < nCols) return [i, j];
  }
  const p = ev.points?.[0];
  return p && Array.isArray(p.pointNumber) ? p.pointNumber : null;
}
/* A heatmap's toolbar: only "download as PNG" (zoom and pan on a grid of counts took most of a
   phone's width and hid cells), in a top margin this tall. */
const HEATMAP_BAR = 30;
async function renderSlices() {
  const task = facetLike("Task") || state.facet;
  const pairs = [["#hm-sentiment", "#hm1-title", facetLike("Sentiment")], ["#hm-issues", "#hm2-title", facetLike("Issues")]];
  const plotly = needPlotly();  // fetched while the counts are asked for
  plotly.catch(() => {});  // said where a heatmap awaits it
  await Promise.all(pairs.map(async ([el, title, col]) => {
    const node = $(el);
    if (!col) { node.innerHTML = '<div class="empty">Facet not configured.</div>'; return; }
    $(title).textContent = `${task} × ${col}`;
    const ct = await api("/api/crosstab?" + filterParams({ row_facet: task, col_facet: col, level: task === state.facet ? effLevel() : "parent" }));
    if (!ct.rows.length) { emptyPlot(node, "No data in this filter."); return; }
    if (ct.total_rows > ct.rows.length) $(title).textContent += ` (the ${ct.rows.length} largest of ${ct.total_rows} topics)`;
    // One column (a label filter on this facet): every cell is its whole row, one colour; say
    // so rather than leave a PM reading a flat heatmap (session 22 walk).
    if (ct.cols.length === 1) $(title).textContent += `: only “${labelText(col, ct.cols[0])}” in this filter, so each row is all of it`;
    // ... and when the label filter is why, the one column repeats it: not drawn (a column of
    // 100 % cells), said instead, with the way back to the labels side by side.
    if (ct.cols.length === 1 && pinnedLabels().get(col) === ct.cols[0]) {
      $(title).textContent = `${task} × ${col}: only “${labelText(col, ct.cols[0])}” in this filter`;
      if (window.Plotly && node.data) Plotly.purge(node);
      node.style.height = "auto";
      node.innerHTML = `<div class="empty flat-slice">Every trace in this filter is “${esc(labelText(col, ct.cols[0]))}” (the ${esc(col)} filter), so each ${esc(task)} topic would be one cell at 100 %: not drawn. How many of them each ${esc(task)} topic has: the Topics tab. <button class="link" data-unpin="${esc(col)}">Remove the ${esc(col)} filter</button> to see the labels side by side.</div>`;
      node.querySelector("[data-unpin]").onclick = () => { state.filter.label = state.filter.label.filter((v) => !v.startsWith(col + ":")); state.mapId = null; navigate(); };
      return;
    }
    node.querySelector(".empty")?.remove();
    sortColumns(ct, col);
    const z = ct.counts.map((r, i) => r.map((n) => n / (ct.row_totals[i] || 1)));
    const narrow = isNarrow(), cut = narrow ? 22 : 38, size = narrow ? 10 : 11;
    const trunc = (s) => plotText(s.length > cut ? s.slice(0, cut - 1) + "…" : s);
    // A column narrower than its longest word overprints the next ones ("FailedIncomplete…":
    // review rv8 L3 on a phone, the session 24 walk at 1024 px beside long Task names); then
    // each label stands on one line, turned upright, else one word a line.
    const upright = narrow || columnsTooNarrow(node, ct.rows.map(trunc), ct.cols.map((c) => labelText(col, c)), size, 240);
    const xText = (c) => (upright ? plotText(labelText(col, c)) : plotText(labelText(col, c)).replace(/ /g, "<br>"));
    node.style.height = "";  // the stylesheet's height, unless the rows need more
    const plotHeight = Math.max(node.clientHeight, ct.rows.length * (narrow ? 15 : 18) + (upright ? 190 : 110));
    node.style.height = `${plotHeight}px`;
    await plotly;
    await Plotly.react(node, [{
      type: "heatmap", z, x: ct.cols.map(xText), y: ct.rows.map(trunc), text: ct.counts, texttemplate: "%{text}",
      hovertemplate: "%{y}<br>%{x}: %{text} traces (%{z:.0%} of row)<extra></extra>",
      colorscale: [[0, "#f8f9fb"], [1, "#3b5bdb"]], showscale: false,
    }], {
      // Every row keeps its name: Plotly thins a category axis's ticks when the rows run short of
      // height (on a phone the upright column names take it: 14 of 28 Task rows went unnamed,
      // review rv9 U-a), so each row is a tick and the plot grows with its rows.
      height: plotHeight,
      // The toolbar sits in a top margin of its own, over no cell (review rv12 L2: its eight
      // buttons, 216 px, covered the first rows on a phone).
      margin: { l: narrow ? 20 : 240, r: 10, t: HEATMAP_BAR, b: 60 },
      yaxis: { autorange: "reversed", automargin: true, tickfont: { size: narrow ? 10 : 11 },
               tickmode: "array", tickvals: ct.rows.map(trunc) },
      xaxis: { side: "bottom", tickfont: { size }, tickangle: upright ? -90 : 0, automargin: true },
    }, { responsive: true, displaylogo: false, modeBarButtons: [["toImage"]] });
    bindPlot(node, { plotly_click: (ev) => {
      const cell = clickedCell(node, ev, ct.rows.length, ct.cols.length); if (!cell) return;
      const tid = ct.row_topic_ids[cell[0]], rowLabel = ct.rows[cell[0]], raw = ct.cols[cell[1]];
      const labelled = (state.overview.facets.find((f) => f.facet === col) || {}).labels?.length;
      $("#slice-traces-title").textContent = `${rowLabel} × ${col}: ${labelText(col, raw)}`;
      if (task === state.facet) drillLink("#slice-drill", tid);
      const narrow = { topic: [`${task}:${tid}`] };
      if (labelled) narrow.label = [`${col}:${raw}`];
      listTraces("#slice-traces", narrow);
    } });
  }));
  const pr = $("#priority");
  try {
    state.priority = await api("/api/marts/topic_priority");
    renderPriority();
  } catch (e) {
    pr.innerHTML = `<div class="empty">The priority mart is not in this snapshot yet (run dbt: <code>make demo</code>).</div>`;
  }
}

/* The priority ranking in the page's width (1366 px and up): the score, the topic, its "why"
   (which words the volume, pain, trend and account value) and a few columns; every column of
   the mart behind a switch. The page scrolls, not a box inside it. On a phone each row is a
   card (narrow.css), each cell named by its column's `data-name`. */
const PRIORITY_MAIN = ["priority_rank", "priority_score", "task_topic_label", "topic_label", "why", "traces",
  "volume_share", "trend", "top_negative_subtopic", "top_negative_subtopic_traces"];
function renderPriority() {
  const m = state.priority, pr = $("#priority"), all = !!state.priorityAll;
  // The mart's own window, over all traffic: not the home's 7 days nor the filters (review rv7 P2).
  const wd = m.columns.indexOf("window_days"), days = wd >= 0 && m.rows.length ? m.rows[0][wd] : null;
  const dd = m.columns.indexOf("data_days"), have = dd >= 0 && m.rows.length ? m.rows[0][dd] : null;
  $("#priority-window").textContent = rankingWindow(days, have);
  // Score and its explanation first, then the parts; readable names (unknown columns as is).
  const first = PRIORITY_MAIN.filter((c) => m.columns.includes(c));
  const order = all ? [...first, ...m.columns.filter((c) => !first.includes(c))] : first;
  const more = m.columns.length - first.length;
  const at = order.map((c) => m.columns.indexOf(c));
  const shares = new Set(["volume_share", "negative_or_mixed_share", "negative_baseline", "enterprise_share", "share_wow_growth"]);
  const cell = (c, v) => (v === null || v === undefined ? "" : shares.has(c) && typeof v === "number" ? pct(v)
    : typeof v === "number" && !Number.isInteger(v) ? v.toFixed(2) : v);
  const toggle = more > 0
    ? `<button class="ghost small" id="priority-cols">${all ? "Fewer columns" : `Show every column (${more} more)`}</button>` : "";
  pr.innerHTML = `<table class="data priority${all ? " wide" : ""}"><thead><tr>${order.map((c) => `<th class="col-${esc(c)}" title="${esc(c)}">${esc(PRIORITY_COLUMNS[c] || c)}</th>`).join("")}</tr></thead><tbody>
    ${m.rows.map((r) => `<tr>${order.map((c, i) => `<td class="col-${esc(c)}" data-name="${esc(PRIORITY_COLUMNS[c] || c)}">${esc(cell(c, r[at[i]]))}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
  $("#priority-tools").innerHTML = toggle;
  $("#priority-tools").onclick = (e) => { if (e.target.closest("#priority-cols")) { state.priorityAll = !all; renderPriority(); } };
}

const PRIORITY_COLUMNS = {
  priority_rank: "Rank", priority_score: "Score", why: "Why", task_topic_label: "Topic", task_topic_id: "Topic id",
  traces: "Traces", volume_share: "Share of traffic", customers: "Customers", negative_or_mixed_share: "Negative or mixed",
  negative_baseline: "Negative, all topics", trend: "Trend", share_wow_growth: "Share change, week over week",
  account_value: "Account value", enterprise_share: "Top-plan share", top_plan: "Top plan", volume_score: "Volume part",
  negative_score: "Pain part (shrunk)", trend_score: "Trend part", account_score: "Account part (shrunk)",
  topic_label: "Topic", subtopics: "Subtopics", top_negative_subtopic: "Subtopic with most pain",
  top_negative_subtopic_traces: "Negative traces in that subtopic",
  trend_reason: "Why no trend", trend_z: "Trend z", trend_traces: "Traces, last 7 days",
  trend_prev_traces: "Traces, 7 days before", trend_prev_days: "Days with data, 7 days before",
};

/* ---------- traces tab ---------- */
async function renderTraces() {
  const fresh = ticket("traces");
  const r = await api("/api/traces?" + filterParams({ facet: state.facet, limit: 200 }));
  if (!fresh()) return;
  $("#traces-count").textContent = count(r.total, "trace");
  $("#trace-table").innerHTML = traceTable(r);
  $("#trace-table").onclick = (e) => { const tr = e.target.closest("tr[data-trace]"); if (tr) openTrace(tr.dataset.trace); };
}

/* ---------- trace view ---------- */
const ERROR_RE = /\b(error|exception|traceback|failed|timed? ?out)\b/i;
function isToolError(m) {
  if (m.is_error === true || m.error || m.status === "error") return true;
  return m.role === "tool" && ERROR_RE.test(typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? ""));
}
function contentText(c) {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map((p) => (typeof p === "string" ? p : p.text ?? JSON.stringify(p))).join("\n");
  return JSON.stringify(c, null, 2);
}
function renderMessages(msgs) {
  return (msgs || []).map((m) => {
    const out = [];
    const text = contentText(m.content);
    const role = m.role || "?";
    if (text) {
      const err = isToolError(m);
      out.push(`<div class="msg ${esc(role)} ${err ? "error" : ""}"><div class="role">${esc(role === "tool" ? `tool result${m.name ? " · " + m.name : ""}` : role)}${err ? " · error" : ""}</div>${esc(text)}</div>`);
    }
    for (const c of m.tool_calls || []) {
      const fn = c.function || c;
      const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
      out.push(`<div class="msg toolcall"><div class="role">tool call</div>${esc(fn.name || "?")}(${esc(args)})</div>`);
    }
    return out.join("");
  }).join("");
}
function kv(obj) {
  if (!obj || typeof obj !== "object") return '<div class="muted">none</div>';
  return `<div class="kv">${Object.entries(obj).map(([k, v]) => `<div class="k">${esc(k)}</div><div>${esc(v !== null && typeof v === "object" ? JSON.stringify(v) : v)}</div>`).join("")}</div>`;
}
async function openTrace(id) {
  hideHover();
  const d = $("#drawer");
  d.classList.remove("hidden");
  if (state.trace !== id) { state.trace = id; syncUrl(); }
  $("#drawer-title").textContent = id;
  $("#drawer-body").innerHTML = '<span class="spinner"></span>';
  let t;
  try { t = await api("/api/trace?trace_id=" + encodeURIComponent(id)); } catch (e) { $("#drawer-body").innerHTML = `<div class="empty">${esc(e.message)}</div>`; return; }
  const md = t.metadata || {};
  $("#drawer-body").innerHTML = `
    <div class="kv"><div class="k">created</div><div>${esc(t.created)}</div>
      <div class="k">customer · plan</div><div>${esc(md.customer || "?")} · ${esc(md.plan_tier || "?")}</div>
      <div class="k">project · session</div><div>${esc(t.project_id)} · ${esc(t.session_id || "—")}</div></div>
    <h3>Facets</h3>
    <table class="data"><thead><tr><th>facet</th><th>summary</th><th>label</th><th>topic</th></tr></thead><tbody>
      ${sortFacets(t.facets).map((f) => { const c = t.classifications.find((x) => x.facet === f.facet);
        return `<tr><td>${esc(f.facet)}</td><td>${esc(summaryText(f))}</td><td>${facetPill(f, c)}</td>
          <td${c ? ` title="${esc(distanceTitle(c))}"` : ""}>${c ? `${esc(c.topic_id === -1 ? "no_match" : c.label)}${c.subtopic && c.subtopic_id !== c.topic_id && c.subtopic !== c.label ? ` <span class="muted">›</span> ${esc(c.subtopic)}` : ""} ${c.topic_id === -1 ? "" : `<span class="tid">id ${c.subtopic_id ?? c.topic_id}</span>`}` : ""}</td></tr>`; }).join("")}
    </tbody></table>
    <h3>Conversation</h3>
    <div class="conversation">${renderMessages(t.messages)}</div>
    <h3>Metrics</h3>${kv(Object.fromEntries(Object.entries({ ...(t.metrics || {}), ...(t.metrics_raw || {}) }).filter(([, v]) => v !== null)))}
    <h3>Metadata</h3>${kv(md)}
    <h3>Source</h3>${kv({ file: t.source_file, line: t.source_line, truncated: t.truncated, size_bytes: t.size_bytes })}`;
}

/* A facet's pill in the trace drawer: its label ("Negative"), or for a facet of names, whose
   traces carry no label value, the name its parent stands for ("Looker", quiet "No competitor
   mentioned"): every labelled facet has one. */
function facetPill(f, c) {
  if (f.label) return `<span class="pill ${esc(f.label)}${isDefaultLabel(f.facet, f.label) ? " quiet" : ""}" title="${esc(f.label)}">${esc(labelText(f.facet, f.label))}</span>`;
  if (!c || c.topic_id === -1 || !c.parent_key) return "";
  const quiet = isDefaultLabel(f.facet, String(c.parent_key).toUpperCase());
  return `<span class="pill${quiet ? " quiet" : ""}" title="${esc(`${f.facet}: ${c.label}`)}">${esc(c.label)}</span>`;
}
function closeTrace() {
  $("#drawer").classList.add("hidden");
  if (state.trace !== null) { state.trace = null; syncUrl(); }
}

/* ---------- actions ---------- */
function openModal(title, html) { $("#modal-title").textContent = title; $("#modal-body").innerHTML = html; $("#modal").classList.remove("hidden"); }
function closeModal() { $("#modal").classList.add("hidden"); }

/* An action's target: the filter (no scope), a map topic {facet, topic_id} or a saved subset's
   topic {subset, subset_topic}; `label` only names it in titles. */
function scopeBody(scope) {
  if (!scope) return { filter: filterBody() };
  if (scope.subset) return { subset: scope.subset, subset_topic: scope.subset_topic };
  return { filter: filterBody(), facet: scope.facet, topic_id: scope.topic_id };
}
function suggestName(scope) {
  const base = (scope?.label || "eval").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50);
  // To the second: the same scope exported twice a day must not collide (409) on its name.
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `${base || "eval"}-${stamp}`;
}

/* A filter (the API's JSON shape) in words, for people. */
function describeFilter(f) {
  if (!f) return "all traffic";
  const parts = [];
  if (f.date_from || f.date_to) parts.push(`${f.date_from || "the start"} to ${f.date_to || "today"}`);
  if (f.customers?.length) parts.push(`customer ${f.customers.join(", ")}`);
  if (f.plan_tiers?.length) parts.push(`plan ${f.plan_tiers.join(", ")}`);
  for (const l of f.labels || []) parts.push(`${l.facet} ${labelText(l.facet, l.label)}`);
  for (const t of f.topics || []) parts.push(`${t.facet} topic “${topicName(t.topic_id, t.facet)}” (id ${t.topic_id})`);
  if (f.trace_ids?.length) parts.push(`${fmt(f.trace_ids.length)} chosen traces`);
  return parts.join(" · ") || "all traffic";
}

function exportSet(scope) {
  openModal(scope ? `Export “${scope.label}” as an eval dataset` : "Export the filtered traces as an eval dataset", `
    <div class="form">
      <label for="ex-name">Dataset name</label><input type="text" id="ex-name" value="${esc(suggestName(scope))}">
      <label for="ex-desc">Description</label><textarea id="ex-desc" placeholder="What this dataset is for"></textarea>
      <span></span><button id="ex-submit">Export</button>
    </div>
    <p class="muted small">Written under <code>$TRACETOPICS_HOME/exports</code> three ways: tracetopics JSONL (trace, facet labels and summaries, topic, an empty <code>expected</code>), and the Braintrust and Langfuse dataset record shapes (input / expected / metadata).</p>`);
  $("#ex-submit").onclick = async () => {
    const body = { ...scopeBody(scope), name: $("#ex-name").value, description: $("#ex-desc").value || null };
    try {
      const m = await post("/api/export", body);
      const dl = (f, id) => `<a ${id ? `id="${id}"` : ""} href="/api/exports/${encodeURIComponent(f)}" download>${esc(f)}</a>`;
      $("#modal-title").textContent = "Eval dataset exported";
      $("#modal-body").innerHTML = `<p><b>${fmt(m.count)}</b> traces in <b>${esc(m.name)}</b>.</p>
        <p>${dl(m.files.tracetopics, "export-link")} · ${dl(m.files.braintrust)} · ${dl(m.files.langfuse)} · ${dl(m.manifest)}</p>
        <p class="muted">Scope: ${esc(describeFilter(m.filter))}.</p>`;
    } catch (e) { toast("Export failed: " + e.message); }
  };
}

const REVIEW_MAX = 500;  // bodies.ReviewBody's limit
const ASSIGNEE_MAX = 200;  // and its assignee's length
/* The "Assignee" box as a name, or what is wrong with it (review rv6 E3: an empty one showed
   pydantic's "String should have at least 1 character"). */
function reviewAssignee(input) {
  const who = input.value.trim();
  if (!who) return "Enter who should review these: a name or an e-mail address.";
  if (who.length > ASSIGNEE_MAX) return `The assignee is ${fmt(who.length)} characters long; at most ${ASSIGNEE_MAX}.`;
  return { who };
}
/* The "Traces" box as a count, or what is wrong with it (never a silent default). */
function reviewLimit(input) {
  const raw = input.value.trim();
  const wrong = `Traces must be a whole number from 1 to ${REVIEW_MAX}`;
  if (!raw) return `${wrong}; the box is empty.`;
  if (!/^\d+$/.test(raw)) return `${wrong}, not “${raw}”.`;
  const n = Number(raw);
  if (n < 1 || n > REVIEW_MAX) return `${wrong}, not ${raw}.`;
  return n;
}
function reviewDialog(scope) {
  openModal(scope ? `Assign “${scope.label}” for review` : "Assign the filtered traces for review", `
    <div class="form">
      <label for="rv-assignee">Assignee</label><input type="text" id="rv-assignee" placeholder="teammate@company.com" aria-describedby="rv-error">
      <label for="rv-limit">Traces</label><input type="text" id="rv-limit" value="25" inputmode="numeric" aria-describedby="rv-error">
      <label for="rv-note">Note</label><textarea id="rv-note" placeholder="What should they look for?"></textarea>
      <span></span><div id="rv-error" class="form-error hidden" role="alert"></div>
      <span></span><button id="rv-submit">Assign</button>
    </div>`);
  const input = $("#rv-limit"), who = $("#rv-assignee");
  for (const box of [input, who]) box.addEventListener("input", () => { box.classList.remove("invalid"); $("#rv-error").classList.add("hidden"); });
  const wrong = (box, text) => {
    box.classList.add("invalid"); box.focus();
    $("#rv-error").textContent = text; $("#rv-error").classList.remove("hidden");
  };
  $("#rv-submit").onclick = async () => {
    const assignee = reviewAssignee(who);
    if (typeof assignee === "string") return wrong(who, assignee);
    const limit = reviewLimit(input);
    if (typeof limit === "string") return wrong(input, limit);
    const body = { ...scopeBody(scope), assignee: assignee.who, note: $("#rv-note").value, limit };
    try {
      const r = await post("/api/review", body);
      closeModal();
      toast(`${count(r.count, "trace")} assigned to ${r.assignee}` + (r.already_open ? `; ${r.already_open} were already open for them` : ""));
    } catch (e) { toast("Could not assign: " + e.message); }
  };
}

async function proposal(scope) {
  openModal("Roadmap proposal", '<span class="spinner"></span>');
  const q = (extra) => (scope.subset
    ? new URLSearchParams({ subset: scope.subset, subset_topic: scope.subset_topic, ...extra }).toString()
    : filterParams({ facet: scope.facet, topic_id: scope.topic_id, ...extra }));
  try {
    const r = await api(`/api/proposal?${q({})}`);
    $("#modal-body").innerHTML = `<p class="md-actions"><a class="button" href="/api/proposal?${q({ format: "md" })}" download>Download Markdown</a> <button class="ghost" id="copy-md">Copy</button></p><div class="md">${markdown(r.markdown)}</div>`;
    $("#copy-md").onclick = () => navigator.clipboard?.writeText(r.markdown).then(() => toast("Copied"));
  } catch (e) { $("#modal-body").innerHTML = `<div class="empty">${esc(e.message)}</div>`; }
}

/* a small Markdown renderer for the proposal (headings, lists, tables, quotes, code, bold).
   A backslash-escaped character (the brief escapes a trace's words and typed names) is held
   aside and printed as itself, so a quoted "[x](http://...)" never becomes a link. */
function markdown(md) {
  const inline = (s) => {
    const held = [];
    const text = esc(s.replace(/\\([\\`*_\[\]|<>#])/g, (_, c) => `\uE000${held.push(c) - 1}\uE001`))
      .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]*)\)/g, (_, t, u) => `<a href="${u}" target="_blank" rel="noopener">${t}</a>`)
      .replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>").replace(/\*([^*]+)\*/g, "<i>$1</i>");
    return text.replace(/\uE000(\d+)\uE001/g, (_, i) => esc(held[+i]));
  };
  const lines = md.split("\n"); const out = []; let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (/^#{1,4} /.test(l)) { const n = l.match(/^#+/)[0].length; out.push(`<h${n}>${inline(l.slice(n + 1))}</h${n}>`); i++; }
    else if (l.startsWith("|")) {
      const rows = []; while (i < lines.length && lines[i].startsWith("|")) rows.push(lines[i++]);
      const cells = (r) => r.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
      out.push(`<table><thead><tr>${cells(rows[0]).map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead><tbody>${rows.slice(2).map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`);
    } else if (l.startsWith(">")) {
      const q = []; while (i < lines.length && lines[i].startsWith(">")) q.push(lines[i++].replace(/^> ?/, ""));
      out.push(`<blockquote>${q.map(inline).join("\n")}</blockquote>`);
    } else if (l.startsWith("- ")) {
      const it = []; while (i < lines.length && lines[i].startsWith("- ")) it.push(lines[i++].slice(2));
      out.push(`<ul>${it.map((x) => `<li>${inline(x)}</li>`).join("")}</ul>`);
    } else if (l.trim()) { out.push(`<p>${inline(l)}</p>`); i++; } else i++;
  }
  return out.join("\n");
}

async function clusterSubset() {
  const facet = state.facet;
  openModal(`Clustering this subset by ${facet}…`, '<div class="empty"><span class="spinner"></span> clustering the filtered traces’ summaries…</div>');
  const btn = $("#act-cluster"); btn.disabled = true;
  try {
    const r = await post("/api/cluster", { filter: filterBody(), facet, max_traces: 5000 });
    await showClustering(r, null);
  } catch (e) {
    $("#modal-body").innerHTML = `<div class="empty">Clustering failed: ${esc(e.message)}</div>`;
  } finally { btn.disabled = state.scopeTotal === 0; }
}

/* ---------- review queue & exports ---------- */
async function renderReview() {
  const a = $("#review-assignee").value, s = $("#review-status").value;
  const r = await api("/api/review?" + new URLSearchParams({ ...(a && { assignee: a }), ...(s && { status: s }) }));
  const cur = $("#review-assignee").value;
  $("#review-assignee").innerHTML = '<option value="">Everyone</option>' + r.assignees.map((x) => `<option value="${esc(x.assignee)}">${esc(x.assignee)} (${x.pending} pending)</option>`).join("");
  $("#review-assignee").value = cur;
  if (!r.items.length) { $("#review-list").innerHTML = '<div class="empty">Nothing in the queue. Use “Assign for review” on a filtered set or a topic.</div>'; return; }
  /* The note is read and written in place: a box that wraps and grows with its text in a column
     of its own width (review rv4 L13: a one-line input of ~20 characters cut every note). */
  $("#review-list").innerHTML = `<div class="table-wrap"><table class="data review-table"><thead><tr><th>trace</th><th>assignee</th><th>topic</th><th>summary</th><th>labels</th><th>status</th><th class="note-cell">note</th></tr></thead><tbody>
    ${r.items.map((it) => `<tr data-id="${it.id}"><td class="c-id"><button class="link" data-open="${esc(it.trace_id)}">${esc(it.trace_id)}</button></td><td class="c-assignee">${esc(it.assignee)}</td>
      <td class="c-topic">${esc(it.topic_label || "")}</td><td class="c-summary">${esc(it.summary || "")}</td><td class="pills c-labels">${pills(it.labels)}</td>
      <td class="c-status"><select data-field="status" aria-label="Status of ${esc(it.trace_id)}">${["open", "in_review", "done", "dismissed"].map((st) => `<option ${st === it.status ? "selected" : ""}>${st}</option>`).join("")}</select></td>
      <td class="note-cell"><textarea data-field="note" rows="2" placeholder="Add a note" aria-label="Note on ${esc(it.trace_id)}">${esc(it.note || "")}</textarea></td></tr>`).join("")}
  </tbody></table></div>`;
  $("#review-list").onclick = (e) => { const b = e.target.closest("button[data-open]"); if (b) openTrace(b.dataset.open); };
  $("#review-list").onchange = async (e) => {
    const tr = e.target.closest("tr[data-id]"); if (!tr) return;
    try {
      await api("/api/review/" + tr.dataset.id, { method: "PATCH", body: JSON.stringify({ [e.target.dataset.field]: e.target.value }) });
      toast("Saved");
    } catch (err) { toast("Not saved: " + err.message); }
  };
}
async function renderExports() {
  const list = await api("/api/exports");
  const files = (m) => Object.entries(m.files || { tracetopics: m.file }).map(([k, f]) => `<a href="/api/exports/${encodeURIComponent(f)}" download title="${esc(k)}">${esc(f)}</a>`).join("<br>");
  $("#export-list").innerHTML = list.length ? `<table class="data"><thead><tr><th>name</th><th>files</th><th>traces</th><th>created</th><th>topic</th><th>filter</th></tr></thead><tbody>
    ${list.map((m) => `<tr><td><b>${esc(m.name)}</b>${m.description ? `<div class="small muted">${esc(m.description)}</div>` : ""}</td><td>${files(m)}</td><td>${fmt(m.count)}</td><td>${esc(m.created_at)}</td>
      <td>${esc(m.topic_label || "")}</td><td title="${esc(JSON.stringify(m.filter))}">${esc(describeFilter(m.filter))}</td></tr>`).join("")}</tbody></table>` : '<div class="empty">No exports yet.</div>';
}

document.addEventListener("DOMContentLoaded", boot);  // after topics.js and the other modules
