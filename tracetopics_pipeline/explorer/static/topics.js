/* Topic views at two levels: colours, the map legend, the topic list (parents that expand into
   subtopics), curation (rename, pin, merge and its undo: the CLI's own store) and the search
   box.
   Uses app.js's helpers and state. */
"use strict";

/* 28 qualitative colours a person can tell apart (Tableau 10 first, then Kelly's
   maximum-contrast set, greys left out), then one grey for "other topics" and a light grey
   for no_match: a legend never has more than 30 entries. */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948", "#76b7b2",
  "#ff9da7", "#9c755f", "#0067a5", "#8db600", "#875692", "#f6a600", "#be0032", "#a1caf1",
  "#008856", "#e68fac", "#604e97", "#dcd300", "#882d17", "#c2b280", "#e25822", "#2b3d26",
  "#b3446c", "#00a5c8", "#654522", "#f99379", "#1b2a6b"];
/* Label values whose meaning has a colour, as their pills have in app.css: a Sentiment or Churn
   risk parent is drawn in its tone whatever its rank (Positive was red when it ranked third). */
const TONE = { positive: "#2b8a3e", negative: "#c92a2a", mixed: "#f59f00", neutral: "#5c7cfa",
  critical: "#7a1010", high: "#e8590c", medium: "#fcc419", low: "#94d82d" };
const OTHER_COLOR = "#8d93a0";
const NO_MATCH_COLOR = "#cfd2d9";
/* A labelled facet's default label ("No competitor mentioned") says nothing happened: a quiet
   grey, and no palette colour taken from the real topics. */
const DEFAULT_COLOR = "#b4bac6";
const OTHER = -2;  // the legend's and the map's "other topics" group

/* Colours follow the unfiltered ranking at the current level (within the drilled parent), so
   a topic keeps its colour while filters change. */
function colorFor(tid) {
  if (tid === -1 || tid === null || tid === undefined) return NO_MATCH_COLOR;
  return state.colors.get(tid) || OTHER_COLOR;
}
function paletteColor(i) { return i < 0 ? NO_MATCH_COLOR : i < PALETTE.length ? PALETTE[i] : OTHER_COLOR; }

function hasLevels(facet = state.facet) { return !!state.levels[facet]; }
function effLevel() { return state.focus !== null ? "sub" : hasLevels() ? state.level : "parent"; }
function levelWord(plural = true) { return effLevel() === "sub" && hasLevels() ? (plural ? "subtopics" : "subtopic") : (plural ? "topics" : "topic"); }
/* A topic that stands for its facet's default label (app.js isDefaultLabel: "NONE" reads "No
   issue"): listed apart, after the real topics, and left out of the bars' scale. */
function isDefaultTopic(t, facet = state.facet) {
  return !!(t && t.topic_id !== -1 && t.facet_label && isDefaultLabel(facet, String(t.facet_label).toUpperCase()));
}
/* Real topics first (in their order), then the default label's. */
function defaultsLast(topics, facet = state.facet) {
  return [...topics.filter((t) => !isDefaultTopic(t, facet)), ...topics.filter((t) => isDefaultTopic(t, facet))];
}

/* Topics in rank order -> colours: the palette in order, or a parent's tone when its label has
   one (subtopics of one label share its value, so they take the palette); the facet's default
   label, when it has no tone, a quiet grey. */
function rankColors(topics, tones, facet = state.facet) {
  const colors = new Map();
  let next = 0;
  for (const t of topics) {
    const tone = tones ? TONE[(t.facet_label || "").toLowerCase()] : undefined;
    if (tone) colors.set(t.topic_id, tone);
    else if (isDefaultTopic(t, facet)) colors.set(t.topic_id, DEFAULT_COLOR);
    else if (next < PALETTE.length) colors.set(t.topic_id, PALETTE[next++]);
  }
  return colors;
}

async function ensureColors() {
  // Twice at most: a cold link (level=sub) learns only from the answer that the facet has two
  // levels, and its first request asked for the parents' colours (every subtopic drew grey).
  for (let pass = 0; pass < 2; pass++) {
    const level = effLevel();
    const key = [state.facet, level, state.focus, state.overview?.snapshot].join("|");
    if (state.colorKey === key) return;
    const p = new URLSearchParams({ facet: state.facet, level });
    if (state.focus !== null) p.set("parent", state.focus);
    const r = await api("/api/topics?" + p);
    state.levels[state.facet] = r.levels;
    state.colors = rankColors(r.topics, level === "parent" && state.focus === null);
    state.colorKey = key;
    if (state.focus !== null && !hasLevels()) state.focus = null;  // a one-level snapshot
    if (effLevel() === level) return;
  }
}

/* ---------- breadcrumb and level switch (map and list) ---------- */
function crumbsHtml() {
  const facet = state.facet;
  const lv = hasLevels() && state.focus === null
    ? `<div class="seg level-seg"><button data-level="parent" class="${state.level === "parent" ? "active" : ""}">Topics</button><button data-level="sub" class="${state.level === "sub" ? "active" : ""}">All subtopics</button></div>`
    : "";
  const trail = state.focus === null
    ? `<span class="crumb-here">All ${esc(facet)} topics</span>`
    : `<button class="link" data-crumb="up">All ${esc(facet)} topics</button> <span class="muted">›</span> <span class="crumb-here">${esc(topicName(state.focus))}</span> <span class="tid">id ${state.focus}</span>`;
  return `<div class="crumbs">${trail}</div>${lv}`;
}
function bindCrumbs(el) {
  el.onclick = (e) => {
    const lv = e.target.closest("button[data-level]");
    if (lv) { state.level = lv.dataset.level; state.hiddenTopics.clear(); navigate(); return; }
    if (e.target.closest("button[data-crumb=up]")) { drill(null); }
  };
}
/* Drill into a parent (its subtopics) or back out (null). */
function drill(tid) {
  state.focus = tid; state.hiddenTopics.clear(); state.mapId = null;
  navigate({ push: true });
}
/* A topic's traces: the Traces tab, filtered to the topic (a removable chip). */
function showTopicTraces(tid, facet = state.facet) {
  const v = `${facet}:${tid}`;
  if (!state.filter.topic.includes(v)) state.filter.topic.push(v);
  showTab("traces");
}

/* ---------- map legend ---------- */
function renderLegend(list, map) {
  // Traces of a topic that have no position (a labelled facet's default label is not mapped).
  const offMap = new Map((map?.off_map || []).map((o) => [o.topic_id, o.n]));
  const topics = list.topics.map((t) => ({ ...t, off: offMap.get(t.topic_id) || 0 }));
  const quiet = (t) => isDefaultTopic(t);
  const coloured = topics.filter((t) => state.colors.has(t.topic_id) && !quiet(t));
  const rest = topics.filter((t) => t.topic_id !== -1 && !state.colors.has(t.topic_id) && !quiet(t));
  const defaults = topics.filter(quiet);
  const nm = topics.find((t) => t.topic_id === -1);
  const drillable = effLevel() === "parent" && hasLevels();
  // Drilled into a parent, a share is still of all classified traffic (as the CLI prints it);
  // its share of the parent is said in the row's tooltip.
  const parent = state.focus !== null ? list.parent : null;
  const ofParent = (t) => (parent && t.parent_share !== undefined ? `: ${pct(t.parent_share)} of “${parent.label}”` : "");
  const row = (tid, color, label, t, title) => {
    const off = t.off || 0, none = off > 0 && off >= t.count;
    const note = !off ? "" : none ? " · not on the map" : ` · ${fmt(off)} not on the map`;
    const tip = `${title}. ${count(t.count, "trace")}, ${pct(t.share)} of classified traffic${ofParent(t)}`;
    return `
    <div class="legend-item ${state.hiddenTopics.has(tid) ? "dim" : ""}${none ? " offmap" : ""}${quiet(t) ? " default" : ""}" data-topic="${tid}" title="${esc(none ? tip + " (its traces have no position on the map: the facet's default label is not mapped)" : tip)}">
      <input type="checkbox" class="eye" data-eye="${tid}" ${state.hiddenTopics.has(tid) ? "" : "checked"} title="Show on the map" aria-label="Show on the map">
      <span class="swatch" style="background:${color}"></span>
      <span class="legend-label">${esc(label)}</span>
      <span class="legend-num">${pct(t.share)} · ${fmt(t.count)}${note}</span>
    </div>`;
  };
  const sum = (xs) => ({ share: xs.reduce((a, t) => a + t.share, 0), count: xs.reduce((a, t) => a + t.count, 0), off: xs.reduce((a, t) => a + t.off, 0) });
  const click = drillable ? "Click to open its subtopics" : "Click to list its traces";
  const rows = coloured.map((t) => row(t.topic_id, colorFor(t.topic_id), t.label, t, click));
  if (rest.length) rows.push(row(OTHER, OTHER_COLOR, `Other ${levelWord()} (${rest.length})`, sum(rest), `Smaller ${levelWord()}, in the Topics tab`));
  for (const t of defaults) rows.push(row(t.topic_id, colorFor(t.topic_id), t.label, t, "The facet's default label: nothing to report"));
  if (nm) rows.push(row(-1, NO_MATCH_COLOR, "no_match (far from every topic)", nm, "Traces too far from every topic"));
  const what = parent ? `share of classified traffic (hover: of “${esc(parent.label)}”)` : "share of classified traffic";
  $("#legend-head").innerHTML = `<h2>${effLevel() === "sub" && hasLevels() ? "Subtopics" : "Topics"}</h2><span class="muted small">${what}</span>`;
  $("#legend").innerHTML = rows.join("") || '<div class="empty">No topics.</div>';
  $("#legend").onclick = (e) => {
    const it = e.target.closest(".legend-item"); if (!it) return;
    const t = Number(it.dataset.topic);
    if (e.target.closest("[data-eye]") || t === OTHER || t === -1) {
      state.hiddenTopics.has(t) ? state.hiddenTopics.delete(t) : state.hiddenTopics.add(t);
      it.classList.toggle("dim");
      it.querySelector(".eye").checked = !state.hiddenTopics.has(t);
      const el = $("#map-plot");
      if (el.data) {
        const idx = el.data.map((d, i) => (d.meta === t ? i : -1)).filter((i) => i >= 0);
        if (idx.length && window.Plotly) Plotly.restyle(el, { visible: state.hiddenTopics.has(t) ? "legendonly" : true }, idx);
      }
      return;
    }
    drillable ? drill(t) : showTopicTraces(t);
  };
}

/* ---------- a labelled facet's labels, counted (the Map tab at its "Topics" level) ---------- */
/* A labelled facet's parents are its labels (Sentiment: Positive, Negative, ...). A map places
   a trace by what its summary says, the reason, not by its label: reasons of every label mix
   on the plane (review rv6 E4: Negative points spread between Positive and Mixed ones), so a
   map of the labels would invite reading distance as meaning. At that level the Map tab
   counts the labels instead, each a bar with its share and trend, and opens the map of one
   label's reasons (its subtopics), where positions mean something. */
function labelBarsShown(facet = state.facet) {
  const f = (state.overview?.facets || []).find((x) => x.facet === facet);
  return !!(f && f.labels.length) && hasLevels(facet) && state.focus === null && effLevel() === "parent";
}
/* A topic's positions on the map (`data`: /api/map's answer) against the one threshold: the
   page offers no map of fewer (queries.MIN_MAP_POINTS). */
function mapPoints(data, tid) {
  return ((data?.topic_points || []).find((p) => p.topic_id === tid) || {}).points || 0;
}
function labelBars(list, data) {
  const real = list.topics.filter((t) => !isDefaultTopic(t) && t.topic_id !== -1);
  const apart = list.topics.filter((t) => isDefaultTopic(t) || t.topic_id === -1);
  const max = Math.max(...real.map((t) => t.share), 0.0001);
  const top = Math.max(0, ...real.flatMap((t) => t.sparkline || []));
  const row = (t) => {
    const nm = t.topic_id === -1, quiet = isDefaultTopic(t), color = colorFor(t.topic_id);
    const width = (100 * t.share) / max;  // the default label's may pass the scale: cut
    const subs = (t.subtopics || []).length;
    const points = mapPoints(data, t.topic_id), few = points < (data?.min_points || 0);
    // Too few points to map (Neutral sentiment: 4,054 traces on 2): its reasons as a list.
    const act = quiet || nm || !subs
      ? `<button class="ghost" data-act="traces">List its traces</button>`
      : few
        ? `<button class="ghost" data-act="reasons" title="${esc(`${count(points, "point")} on the map: too few for a map (it needs ${data.min_points})`)}">List its reasons</button>`
        : `<button data-act="drill">Map of its reasons</button>`;
    return `<div class="lbar${quiet ? " default" : ""}" data-topic="${t.topic_id}">
      <span class="swatch" style="background:${color}"></span>
      <span class="lbar-name">${esc(nm ? "no_match (far from every topic)" : t.label)}${subs ? ` <span class="muted small">· ${count(subs, "subtopic")}</span>` : ""}</span>
      <span class="lbar-bar"><span class="bar${width > 100 ? " cut" : ""}"><span style="width:${Math.min(100, width).toFixed(1)}%;background:${color}"></span></span></span>
      <span class="lbar-num">${pct(t.share)} · ${fmt(t.count)}${anyMention(t, list)}</span>
      <span class="lbar-spark">${sparkline(t.sparkline, color, top)}</span>
      <span class="lbar-act">${act}</span>
    </div>`;
  };
  const only = (list.mention_only || []).map((m) => `<div class="lbar mention-only" data-label="${esc(m.facet_label)}">
      <span class="swatch" style="background:${DEFAULT_COLOR}"></span>
      <span class="lbar-name">${esc(m.label)} <span class="muted small">· no trace has it first</span></span>
      <span class="lbar-bar"><span class="bar"><span style="width:0"></span></span></span>
      <span class="lbar-num">${pct(0)} · 0 · <span class="any-mention" title="${esc(mentionOnlyTip(m))}">${pct(m.any_share)} any mention</span></span>
      <span class="lbar-spark"></span><span class="lbar-act"></span>
    </div>`).join("");
  return `<div class="label-bars">${real.map(row).join("")}${only}${apart.length ? `<div class="small muted lbar-apart">${apart.some(isDefaultTopic) ? "The facet's default label: nothing to report, not mapped; the bars above are scaled without it." : ""}</div>` : ""}${apart.map(row).join("")}</div>`;
}
function bindLabelBars(el) {
  el.onclick = (e) => {
    const it = e.target.closest(".lbar"); if (!it || it.classList.contains("mention-only")) return;
    const tid = Number(it.dataset.topic);
    const act = e.target.closest("button[data-act]")?.dataset.act;
    if (act === "traces") return showTopicTraces(tid);
    if (act === "reasons") { state.focus = tid; state.hiddenTopics.clear(); return showTab("topics"); }
    if (act === "drill" || it.querySelector("button[data-act=drill]")) drill(tid);
  };
}

/* A labelled facet's parent counts each trace once, under its first label (Issues: the most
   important problem); `any_mention` counts the traces listing the label at all. Shown beside
   the share where some trace lists more than one label (`list`: the /api/topics answer). */
function anyMention(t, list) {
  if (!list || t.any_mention === undefined || isDefaultTopic(t)) return "";
  if (t.any_mention === null)
    return list.any_mention_missing ? ` · <span class="any-mention" title="${esc(`Any mention: ${list.any_mention_missing}`)}">any mention n/a</span>` : "";
  if (!list.topics.some((x) => x.any_mention > x.count) || !t.count) return "";
  const more = t.any_mention - t.count;
  const tip = `${count(t.any_mention, "trace")} list “${t.label}” at all${more > 0 ? `, ${fmt(more)} more than the ${fmt(t.count)} counted here` : ""}. `
    + "The share and the count hold each trace once, under its first label (shares add up to 100%); "
    + "a trace with several labels counts under each one in the any-mention figure.";
  return ` · <span class="any-mention" title="${esc(tip)}">${pct((t.share * t.any_mention) / t.count)} any mention</span>`;
}

/* Labels some traces list but none has first (`list.mention_only`: an Issues loop that always
   came after a failed call): no topic stands for them, so no row of their own; each is listed
   after the topics with its any-mention figure, 0 counted. */
function mentionOnlyTip(m) {
  return `${count(m.any_mention, "trace")} list “${m.label}”, always after another label, so none counts under it: `
    + "the share and the count hold each trace once, under its first label. No topic stands for it.";
}
function mentionOnlyRows(list) {
  const rows = (list.mention_only || []).map((m) => `
    <div class="trow mention-only" data-label="${esc(m.facet_label)}">
      <div class="trow-head">
        <span class="rank"></span><span class="swatch" style="background:${DEFAULT_COLOR}"></span>
        <span class="tlabel">${esc(m.label)} <span class="muted small">· no trace has it first</span></span>
        <span class="num">0</span>
        <span><div class="bar"><span style="width:0"></span></div><div class="small muted share">${pct(0)} · <span class="any-mention" title="${esc(mentionOnlyTip(m))}">${pct(m.any_share)} any mention</span></div></span>
        <span></span>
      </div>
    </div>`);
  return rows.length ? [`<div class="trow-apart small muted">Listed by traces, but first in none: no topic, so 0 counted (hover for why).</div>`, ...rows] : [];
}

/* ---------- topic list ---------- */
/* `top`: the count drawn at full height (a subtopic is drawn on its parent's scale, so two
   traces do not look like its parent's peak). */
function sparkline(counts, color, top = 0) {
  if (!counts || !counts.length) return "";
  const w = 120, h = 26, max = Math.max(top, ...counts, 1);
  const step = counts.length > 1 ? w / (counts.length - 1) : w;
  const pts = counts.map((c, i) => `${(i * step).toFixed(1)},${(h - 2 - (c / max) * (h - 4)).toFixed(1)}`).join(" ");
  return `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><polyline fill="none" stroke="${color}" stroke-width="1.6" points="${pts}"/></svg>`;
}
/* A subtopic listed on its own (all subtopics, not drilled into one parent) names its parent:
   Sentiment's "User praised the agent" and "Praised the agent or the product" sat side by side
   with nothing saying which label each is under. */
function inParent(t, nested) {
  return t.level === "sub" && !nested && state.focus === null && t.parent_label
    ? ` <span class="muted small in-parent">in ${esc(t.parent_label)}</span>` : "";
}
/* `i`: the rank (from 0), or null for a row listed apart (the default label, no_match). A bar
   longer than the scale (the default label's) is drawn cut, with a break mark. */
function topicRow(t, i, max, color, sub = false, sparkTop = 0) {
  const key = `${state.facet}:${t.topic_id}`;
  const open = state.expanded.has(key);
  const nm = t.topic_id === -1;
  const quiet = isDefaultTopic(t);
  const subs = t.subtopics || [];
  const merged = t.merged || [];
  const word = sub ? "subtopic" : "topic";
  const kids = subs.length ? `<div class="subtopics"><div class="small muted sub-head">${count(subs.length, "subtopic")}</div>
      ${subs.map((s, j) => topicRow(s, j, max, color, true, Math.max(0, ...(t.sparkline || [])))).join("")}</div>` : "";
  const width = (100 * t.share) / max;
  const ofParent = t.parent_share !== undefined && state.focus !== null
    ? ` · <span title="its share of the parent drilled into">${pct(t.parent_share)} of parent</span>` : "";
  return `
    <div class="trow ${sub ? "sub" : ""}${quiet ? " default" : ""}${nm ? " nomatch" : ""}" data-topic="${t.topic_id}" data-level="${esc(t.level)}">
      <div class="trow-head">
        <span class="rank">${sub || i === null ? "" : "#" + (i + 1)}</span>
        <span class="swatch" style="background:${color}"></span>
        <span class="tlabel"><span class="caret">${open ? "▾" : "▸"}</span> ${esc(t.label)}${t.pinned ? ' <span class="badge" title="Pinned: its name never changes automatically">pinned</span>' : ""}
          ${nm ? "" : `<span class="tid" title="The id the CLI takes: tracetopics topic rename ${esc(state.facet)} ${t.topic_id} …">id ${t.topic_id}</span>`}
          ${subs.length ? `<span class="muted small">· ${count(subs.length, "subtopic")}</span>` : ""}${inParent(t, sub)}${merged.length ? ` <span class="badge merged-badge" title="${esc(`Merged into this ${word}: ${merged.map((m) => m.label).join(", ")}. Open it to undo.`)}">+${merged.length} merged</span>` : ""}</span>
        <span class="num">${fmt(t.count)}</span>
        <span><div class="bar${width > 100 ? " cut" : ""}" ${width > 100 ? 'title="Longer than the scale: the bars are scaled to the real topics"' : ""}><span style="width:${Math.min(100, width).toFixed(1)}%;background:${color}"></span></div><div class="small muted share">${pct(t.share)}${sub ? "" : anyMention(t, state.lastList)}${ofParent}</div></span>
        <span>${sparkline(t.sparkline, color, sparkTop)}</span>
      </div>
      <div class="trow-body ${open ? "" : "hidden"}">
        <div>${t.keywords.map((k) => `<span class="kw">${esc(k)}</span>`).join("") || '<span class="muted small">no keywords</span>'}</div>
        ${t.samples.map((s) => `<div class="sample" data-trace="${esc(s.trace_id)}">${esc(s.summary)}</div>`).join("")}
        ${merged.map((m) => `<div class="merged-note small"><span>Merged into this ${word}: “${esc(m.label)}” <span class="tid">id ${m.topic_id}</span>${m.into !== undefined && m.into !== t.topic_id ? ` (by way of “${esc(m.into_label)}” <span class="tid">id ${m.into}</span>: its Unmerge puts it back there)` : ""}</span>
          <button class="ghost" data-act="unmerge" data-src="${m.topic_id}" data-name="${esc(m.label)}" title="tracetopics topic unmerge ${esc(state.facet)} ${m.topic_id}">Unmerge</button></div>`).join("")}
        <div class="row-actions">
          ${subs.length ? '<button data-act="drill">Open its subtopics</button>' : ""}
          <button class="ghost" data-act="traces">Show traces</button>
          <button class="ghost" data-act="filter">Filter to this ${sub ? "subtopic" : "topic"}</button>
          <button class="ghost" data-act="export">Export eval dataset</button>
          <button class="ghost" data-act="review">Assign for review</button>
          ${nm ? "" : `<button class="ghost" data-act="proposal">Roadmap proposal</button>
          <span class="act-sep"></span>
          <button class="ghost" data-act="rename">Rename</button>
          <button class="ghost" data-act="pin">${t.pinned ? "Unpin" : "Pin"}</button>
          ${t.level === "parent" && t.facet_label ? "" : '<button class="ghost" data-act="merge">Merge into…</button>'}`}
        </div>
        ${kids}
      </div>
    </div>`;
}

/* Why the list is empty, in words a link's reader can act on: a topic id this snapshot does
   not have (a link from an older snapshot), or a filter outside the days there are. */
function emptyTopics(facet) {
  const ov = state.overview || {};
  if (state.focus !== null && !(state.focus in (state.topicNames[facet] || {})))
    return `No ${facet} topic has id ${state.focus} in this snapshot (a link from an older one?): “All ${facet} topics” above lists them.`;
  const f = state.filter;
  const outside = ov.date_min && ((f.date_from && f.date_from > ov.date_max) || (f.date_to && f.date_to < ov.date_min));
  return outside
    ? `No traces in these dates: the data runs from ${ov.date_min} to ${ov.date_max}.`
    : "No topics in this filter.";
}

async function renderTopics() {
  const facet = state.facet;
  const fresh = ticket("topics");
  await ensureColors();
  const list = await api("/api/topics?" + filterParams({ facet, level: effLevel(), no_match: $("#show-nomatch").checked, parent: state.focus }, { focus: false }));
  if (!fresh()) return;
  state.lastList = list;
  axisNote("#topics-before", list.days_before);  // the sparklines' axis (app.js)
  $("#topics-crumbs").innerHTML = crumbsHtml(); bindCrumbs($("#topics-crumbs"));
  // The heading says the list's own order: a severity-ordered facet (Churn risk) lists its
  // labels most severe first (the server's `order`), not by share.
  const what = state.focus !== null || (hasLevels() && effLevel() === "sub") ? "Subtopics" : "Topics";
  $("#topics-title").textContent = `${what} ranked by ${list.order === "severity" ? "severity, then share" : "share"}`;
  // Drilled into a parent, shares stay of all classified traffic (as `tracetopics topics`
  // prints them); the parent's own share and each subtopic's share of it are said too.
  const parent = state.focus !== null ? list.parent : null;
  $("#topics-summary").textContent = parent
    ? `${count(list.total, "trace")} in “${parent.label}”, ${pct(parent.share)} of ${fmt(list.traffic)} classified traces · shares are of all classified traffic`
    : `${fmt(list.total)} classified traces · ${pct(list.no_match_share)} no_match`;
  // The facet's default label ("No competitor mentioned", 90%) is listed apart, after the real
  // topics, and the bars are scaled to the real topics (it would squash them to a sliver).
  const real = list.topics.filter((t) => !isDefaultTopic(t) && t.topic_id !== -1);
  const apart = list.topics.filter((t) => isDefaultTopic(t));
  const nm = list.topics.filter((t) => t.topic_id === -1);
  const max = Math.max(...(real.length ? real : list.topics).map((t) => t.share), 0.0001);
  const head = (text) => `<div class="trow-apart small muted">${text}</div>`;
  $("#topic-list").innerHTML = [
    ...real.map((t, i) => topicRow(t, i, max, colorFor(t.topic_id))),
    ...mentionOnlyRows(list),
    ...(apart.length ? [head("The facet's default label: nothing to report. Not ranked, and the bars above are scaled without it.")] : []),
    ...apart.map((t) => topicRow(t, null, max, colorFor(t.topic_id))),
    ...nm.map((t) => topicRow(t, null, max, colorFor(t.topic_id))),
  ].join("") || `<div class="empty">${esc(emptyTopics(facet))}</div>`;
  $("#topic-list").onclick = (e) => {
    const row = e.target.closest(".trow"); if (!row || row.classList.contains("mention-only")) return;
    const tid = Number(row.dataset.topic);
    const sample = e.target.closest(".sample");
    if (sample) return openTrace(sample.dataset.trace);
    const act = e.target.closest("button[data-act]");
    if (act) {
      const a = act.dataset.act;
      const item = findTopic(list, tid);
      const scope = { facet, topic_id: tid, label: topicName(tid, facet) };
      if (a === "drill") drill(tid);
      if (a === "traces") showTopicTraces(tid);
      if (a === "filter") { const v = `${facet}:${tid}`; if (!state.filter.topic.includes(v)) state.filter.topic.push(v); navigate(); }
      if (a === "export") exportSet(scope);
      if (a === "review") reviewDialog(scope);
      if (a === "proposal") proposal(scope);
      if (a === "rename") renameDialog(item);
      if (a === "pin") pinTopic(item);
      if (a === "merge") mergeDialog(item, list);
      if (a === "unmerge") unmerge(facet, Number(act.dataset.src), act.dataset.name, item.label);
      return;
    }
    const head = e.target.closest(".trow-head");
    if (head && head.parentElement === row) {
      const key = `${facet}:${tid}`;
      const open = row.querySelector(":scope > .trow-body").classList.toggle("hidden") === false;
      head.querySelector(".caret").textContent = open ? "▾" : "▸";
      open ? state.expanded.add(key) : state.expanded.delete(key);
      syncUrl();
    }
  };
  const first = [...state.expanded].find((k) => k.startsWith(facet + ":"));
  if (first && state.scrollTo) { document.querySelector(`.trow[data-topic="${first.split(":")[1]}"]`)?.scrollIntoView({ block: "center" }); state.scrollTo = false; }
}
function findTopic(list, tid) {
  for (const t of list.topics) {
    if (t.topic_id === tid) return t;
    const s = (t.subtopics || []).find((x) => x.topic_id === tid);
    if (s) return s;
  }
  return { topic_id: tid, label: topicName(tid), level: "sub", pinned: false };
}

/* ---------- curation: the CLI's rename / pin / merge / unmerge, then a new snapshot ---------- */
const cliQuote = (s) => `"${String(s).replace(/(["\\$`])/g, "\\$1")}"`;
/* `undo(r)`: what the toast's Undo does (a merge's), for UNDO_MS. */
const UNDO_MS = 12000;
async function curated(path, body, done, undo = null) {
  try {
    const r = await post(path, body);
    await reloadNames(r.snapshot);
    closeModal();
    undo ? toast(done(r), UNDO_MS, { label: "Undo", run: () => undo(r) }) : toast(done(r), 5000);
    state.colorKey = ""; renderTab(); renderChips();
  } catch (e) { toast((e.status === 409 ? "Not now: " : "Could not save: ") + e.message, 7000); }
}
/* Topic names after a curation: the server published a new snapshot with them. */
async function reloadNames(snapshot) {
  const ov = await api("/api/overview");
  state.overview = ov;
  state.topicNames = {};
  for (const t of ov.topics) (state.topicNames[t.facet] ||= {})[t.topic_id] = t.label;
  showSnapshot(ov, snapshot || ov.snapshot);
  fillTopicFilter();
}
function renameDialog(t) {
  const facet = state.facet;
  openModal(`Rename “${t.label}”`, `
    <div class="form">
      <label for="rn-label">New name</label><input type="text" id="rn-label" maxlength="120" value="${esc(t.label)}">
      <span></span><button id="rn-submit">Rename</button>
    </div>
    <p class="muted small">Kept across regenerations, in the same store as the command line:
      <code>tracetopics topic rename ${esc(facet)} ${t.topic_id} ${esc(cliQuote(t.label))}</code></p>`);
  const input = $("#rn-label"); input.focus(); input.select();
  const go = () => curated("/api/topics/rename", { facet, topic_id: t.topic_id, label: input.value },
    (r) => `Renamed ${facet} ${t.level === "parent" ? "topic" : "subtopic"} ${r.topic_id} to “${r.label}”`);
  $("#rn-submit").onclick = go;
  input.onkeydown = (e) => { if (e.key === "Enter") go(); };
}
function pinTopic(t) {
  const facet = state.facet;
  curated("/api/topics/pin", { facet, topic_id: t.topic_id, pinned: !t.pinned },
    (r) => `${r.pinned ? "Pinned" : "Unpinned"} “${t.label}”: ${r.pinned ? "its name no longer changes by itself" : "its name may change with the data"}`);
}
function mergeDialog(t, list) {
  const facet = state.facet;
  // A merge keeps what a trace means (review rv8 M1): a topic merges into another topic, a
  // subtopic only into a sibling (it keeps its parent); a label value has no Merge button.
  const same = [];
  const sibling = (s) => s.topic_id !== t.topic_id && s.topic_id !== -1 && s.level === t.level &&
    (t.level === "parent" || s.parent_id === t.parent_id || state.focus !== null);
  for (const p of list.topics) {
    if (sibling(p)) same.push(p);
    if (t.level !== "parent") same.push(...(p.subtopics || []).filter(sibling));
  }
  const word = t.level === "parent" ? "topic" : "subtopic";
  openModal(`Merge “${t.label}” into another ${word}`, same.length ? `
    <div class="form">
      <label for="mg-into">Merge into</label>
      <select id="mg-into">${same.map((s) => `<option value="${s.topic_id}">${esc(s.label)} (id ${s.topic_id}, ${count(s.count, "trace")}${s.parent_label ? ", in " + esc(s.parent_label) : ""})</option>`).join("")}</select>
      <span></span><button id="mg-submit">Merge</button>
    </div>
    <p class="muted small">Its ${count(t.count, "trace")} count as the chosen ${word} from now on, and in every later map. Same store as the command line:
      <code id="mg-cli">tracetopics topic merge ${esc(facet)} ${t.topic_id} --into ${same[0].topic_id}</code></p>`
    : `<div class="empty">No other ${t.level === "parent" ? "topic" : "subtopic of the same topic"} in view to merge into.</div>`);
  if (!same.length) return;
  $("#mg-into").onchange = (e) => { $("#mg-cli").textContent = `tracetopics topic merge ${facet} ${t.topic_id} --into ${e.target.value}`; };
  $("#mg-submit").onclick = () => {
    const into = Number($("#mg-into").value);
    curated("/api/topics/merge", { facet, topic_id: t.topic_id, into },
      (r) => `Merged “${t.label}” into “${r.label}”`,
      (r) => unmerge(facet, t.topic_id, t.label, r.label));
  };
}
/* Undo a merge (a row's "Unmerge", the merge toast's "Undo"): the CLI's `topic unmerge`, which
   classifies the target's days again (seconds), so the page says it is at work meanwhile. */
function unmerge(facet, tid, label, into) {
  toast(`Unmerging “${label}”: classifying its days again…`, 60000);
  curated("/api/topics/unmerge", { facet, topic_id: tid },
    (r) => `Unmerged “${r.label || label}” from “${r.into_label || into}”: ${count(r.days, "day")} classified again${r.refused ? ` (not all: ${r.refused})` : ""}`);
}

/* ---------- search: topic labels, keywords, summaries; traces' summaries ---------- */
function bindSearch() {
  const input = $("#search"), box = $("#search-results");
  let timer = null;
  const close = () => box.classList.add("hidden");
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(runSearch, 220); });
  input.addEventListener("keydown", (e) => { if (e.key === "Escape") { input.value = ""; close(); } if (e.key === "Enter") { clearTimeout(timer); runSearch(); } });
  input.addEventListener("focus", () => { if (input.value.trim() && box.innerHTML) box.classList.remove("hidden"); });
  document.addEventListener("click", (e) => { if (!e.target.closest(".search")) close(); });
  box.addEventListener("click", (e) => {
    const t = e.target.closest("[data-search-topic]");
    if (t) { close(); return selectTopic(t.dataset.facet, Number(t.dataset.searchTopic), t.dataset.parent ? Number(t.dataset.parent) : null, t.dataset.level); }
    const tr = e.target.closest("[data-search-trace]");
    if (tr) { close(); openTrace(tr.dataset.searchTrace); }
    if (e.target.closest("[data-search-outside]")) { state.searchOutside = state.focus; runSearch(); }
  });
}
/* Where a search looked and what it found, said above its results (review rv12 L3: drilled
   into a topic, a search looked inside it without a word, and a miss read as "nothing
   anywhere"): "3 of 41 traces in “SSO” match", or why nothing, with a way out of the topic.
   `outside`: this search left the drilled topic out (the drill stays for every other view). */
function searchScope(r, q, outside) {
  const topic = state.focus !== null ? topicName(state.focus) : null;
  const filtered = appendFilter(new URLSearchParams()).toString() !== "";
  const inTopic = topic && !outside;
  const where = inTopic ? ` in “${esc(topic)}”` : "";
  const also = filtered ? (inTopic ? " (filters applied)" : " the filters select") : "";
  const leave = inTopic ? ` <button class="link" data-search-outside>Search outside “${esc(topic)}”</button>` : "";
  const left = topic && outside ? ` (searched outside “${esc(topic)}”, which the other views still show)` : "";
  const text = r.trace_total
    ? `${fmt(r.trace_total)} of ${count(r.in_scope, "trace")}${where}${also} match${left}.`
    : `No trace${where}${also} matches “${esc(q)}” (${count(r.in_scope, "trace")} searched)${left}.`;
  return `<div class="sr-scope small">${text}${leave}</div>`;
}
async function runSearch() {
  const q = $("#search").value.trim(), box = $("#search-results");
  state.q = q; syncUrl();
  if (!q) { box.classList.add("hidden"); box.innerHTML = ""; return; }
  const fresh = ticket("search");
  const outside = state.focus !== null && state.searchOutside === state.focus;
  // A search takes a second or more: say so at once (the box stayed shut meanwhile and read as
  // "nothing found"); the last query's results go, so none is clicked for this one's.
  const inTopic = state.focus !== null && !outside ? ` in “${esc(topicName(state.focus))}”` : "";
  box.innerHTML = `<div class="sr-scope sr-busy small"><span class="spinner"></span> Searching${inTopic} for “${esc(q)}”…</div>`;
  box.classList.remove("hidden");
  const r = await api("/api/search?" + filterParams({ q, limit: 12 }, { focus: !outside })).catch((e) => ({ error: e.message }));
  if (!fresh()) return;
  if (r.error) { box.innerHTML = `<div class="empty">${esc(r.error)}</div>`; box.classList.remove("hidden"); return; }
  const where = { label: "name", keywords: "keywords", summaries: "summaries" };
  const topics = r.topics.map((t) => `
    <div class="sr-item" data-search-topic="${t.topic_id}" data-facet="${esc(t.facet)}" data-level="${esc(t.level)}" ${t.parent_id !== null && t.parent_id !== undefined ? `data-parent="${t.parent_id}"` : ""}>
      <div><b>${esc(t.label)}</b> <span class="tid">id ${t.topic_id}</span></div>
      <div class="small muted">${esc(t.facet)} ${t.level === "parent" ? "topic" : "subtopic"}${t.parent_label ? " in " + esc(t.parent_label) : ""} · ${count(t.count, "trace")} · matched its ${where[t.matched] || t.matched}</div>
      ${t.matched === "summaries" && t.snippet ? `<div class="small sr-snippet">“${esc(t.snippet)}”</div>` : ""}
    </div>`).join("");
  const traces = r.traces.map((t) => `
    <div class="sr-item" data-search-trace="${esc(t.trace_id)}">
      <div class="small">${esc(t.summary)}</div>
      <div class="small muted">${esc(t.facet)} summary · ${esc(t.customer || "?")} · ${esc((t.created || "").slice(0, 10))} · <code>${esc(t.trace_id)}</code></div>
    </div>`).join("");
  const scoped = state.focus !== null || appendFilter(new URLSearchParams()).toString() !== "";
  const found = (topics ? `<div class="sr-head">Topics</div>${topics}` : "") + (traces ? `<div class="sr-head">Traces</div>${traces}` : "");
  box.innerHTML = (found || scoped ? searchScope(r, q, outside) : "") +  // a hit says its count
    (found || (scoped ? "" : `<div class="empty">Nothing matches “${esc(q)}” in topic names, keywords or summaries.</div>`));
  box.classList.remove("hidden");
}
/* Open one topic: a parent opens its subtopics, a subtopic opens inside its parent, expanded. */
function selectTopic(facet, tid, parentId = null, level = "parent") {
  if (facet !== state.facet) { state.facet = facet; $("#facet").value = facet; $("#act-cluster-facet").textContent = facet; fillTopicFilter(); state.colorKey = ""; }
  state.expanded.clear();
  if (level === "parent" && state.levels[facet] !== false) {
    state.focus = tid;
  } else {
    state.focus = parentId !== null && parentId !== undefined && level === "sub" ? parentId : null;
    state.expanded.add(`${facet}:${tid}`);
    state.scrollTo = true;
  }
  state.mapId = null; state.hiddenTopics.clear();
  showTab("topics");
}

/* Open a topic known only by its id (a link, the home): finds its level and parent first. */
async function openTopic(facet, tid) {
  const r = await api("/api/topics?" + new URLSearchParams({ facet, level: "sub" }));
  const sub = r.topics.find((t) => t.topic_id === tid);
  if (r.levels && sub) return selectTopic(facet, tid, sub.parent_id, "sub");
  return selectTopic(facet, tid, null, r.levels ? "parent" : "sub");
}
