/* Subset clusterings: show one (fresh or saved), save it under a name, reopen it, and act on
   its topics (export, review, proposal) through /api/subsets. Uses app.js's helpers. */
"use strict";

/* Render a clustering in the modal. `saved`: its name when it is a saved subset, else null.
   Two levels (r.parents, as in the Topics view): the map is coloured by parent, the list shows
   parents that expand into their subtopics; both levels take the actions once saved. A result
   saved before the two levels (no parents) shows its topics as one flat list. */
async function showClustering(r, saved) {
  const facet = r.facet;
  const parents = r.parents || [];
  const two = parents.length > 0;
  $("#modal-title").textContent = `${facet} topics in ${saved ? `“${saved}”` : "this subset"} · ${count(r.n_traces, "trace")}${r.sampled ? " (sampled)" : ""}` +
    (two ? ` · ${count(parents.length, "topic")}, ${count(r.topics.length, "subtopic")}` : "") +
    (saved ? ` · saved ${r.saved_at || ""}` : ` · ${r.seconds.toFixed(1)} s`);
  if (!r.topics.length) { $("#modal-body").innerHTML = `<div class="empty">${esc(r.detail || "Not enough summaries to cluster.")}</div>`; return; }
  const saveRow = saved
    ? `<div class="subset-bar muted small">Saved subset <b>${esc(saved)}</b>: the actions below work on its topics and subtopics.</div>`
    : `<div class="subset-bar"><label class="small muted" for="subset-name">Save as</label>
         <input type="text" id="subset-name" value="${esc(suggestName({ label: `${facet} subset` }))}">
         <button id="subset-save">Save</button>
         <span class="muted small">Saved subsets can be reopened and used with the actions.</span></div>`;
  $("#modal-body").innerHTML = `${saveRow}<div class="cluster-layout"><div id="cluster-plot" class="plot"></div><div id="cluster-list" class="legend" style="max-height:480px"></div></div>`;
  const x = b64(r.x, Float32Array), y = b64(r.y, Float32Array), ids = r.ids.split("\n");
  const sub = b64(r.topic_id, Int32Array), par = two ? b64(r.parent_id, Int32Array) : sub;
  const all = [...parents, ...r.topics];
  const names = Object.fromEntries(all.map((t) => [t.topic_id, t.label]));
  // Colours by rank at the coloured level (parents when there are two levels).
  const ranked = two ? parents : r.topics;
  const color = new Map(ranked.map((t, i) => [t.topic_id, paletteColor(i)]));
  const colorOf = (tid) => color.get(tid) || paletteColor(tid < 0 ? -1 : PALETTE.length);
  const groups = new Map();
  for (let i = 0; i < ids.length; i++) {
    let g = groups.get(par[i]); if (!g) groups.set(par[i], (g = { x: [], y: [], ids: [], sub: [] }));
    g.x.push(x[i]); g.y.push(y[i]); g.ids.push(ids[i]); g.sub.push(names[sub[i]] || "no_match");
  }
  await needPlotly();
  await Plotly.newPlot("cluster-plot", [...groups.entries()].map(([t, g]) => ({
    type: "scattergl", mode: "markers", x: g.x, y: g.y, customdata: g.ids, text: g.sub.map(plotText), name: plotText(names[t] || "no_match"),
    marker: { size: 5, color: colorOf(t), opacity: 0.8 },
    hovertemplate: (two ? "%{text}<br>" : "") + "%{customdata}<extra>" + plotText((names[t] || "no_match").slice(0, 40)) + "</extra>",
  })), { margin: { l: 10, r: 10, t: 10, b: 10 }, showlegend: false, xaxis: { visible: false }, yaxis: { visible: false }, hovermode: "closest" },
  { responsive: true, displaylogo: false });
  $("#cluster-plot").on("plotly_click", (ev) => { const p = ev.points[0]; if (p) { closeModal(); openTrace(p.customdata); } });
  const acts = (t) => saved ? `<div class="row-actions" data-topic="${t.topic_id}">
      <button class="ghost" data-sact="export">Export</button><button class="ghost" data-sact="review">Review</button>
      <button data-sact="proposal">Proposal</button></div>` : "";
  const entry = (t, level, c, kids = "") => `
    <div class="cluster-topic ${level}" data-topic="${t.topic_id}">
      <div class="ct-head">${kids ? '<span class="caret">▸</span> ' : ""}<span class="swatch" style="background:${c}"></span> <b>${esc(t.label)}</b>
        <span class="tid">id ${t.topic_id}</span> <span class="muted small">${pct(t.share)} · ${fmt(t.size)}${kids ? ` · ${count((t.subtopics || []).length, "subtopic")}` : ""}</span></div>
      <div>${(t.keywords || []).slice(0, 6).map((k) => `<span class="kw">${esc(k)}</span>`).join("")}</div>
      ${(t.samples || []).slice(0, 2).map((s) => `<div class="small muted">“${esc(s)}”</div>`).join("")}
      ${acts(t)}${kids}
    </div>`;
  const byId = new Map(r.topics.map((t) => [t.topic_id, t]));
  $("#cluster-list").innerHTML = two
    ? parents.map((p) => entry(p, "parent", colorOf(p.topic_id),
        `<div class="cluster-subs subtopics hidden"><div class="small muted sub-head">${count((p.subtopics || []).length, "subtopic")}</div>
          ${(p.subtopics || []).map((id) => byId.get(id)).filter(Boolean).map((t) => entry(t, "sub", colorOf(p.topic_id))).join("")}</div>`)).join("")
    : r.topics.map((t) => entry(t, "flat", colorOf(t.topic_id))).join("");
  $("#cluster-list").onclick = (e) => {
    const b = e.target.closest("button[data-sact]");
    if (b) {
      const id = Number(b.closest("[data-topic]").dataset.topic);
      const scope = { subset: saved, subset_topic: id, label: names[id] };
      ({ export: exportSet, review: reviewDialog, proposal })[b.dataset.sact](scope);
      return;
    }
    const head = e.target.closest(".cluster-topic.parent > .ct-head");
    if (head) {
      const open = head.parentElement.querySelector(":scope > .cluster-subs").classList.toggle("hidden") === false;
      head.querySelector(".caret").textContent = open ? "▾" : "▸";
    }
  };
  if (!saved) {
    $("#subset-save").onclick = async () => {
      const name = $("#subset-name").value.trim();
      if (!name) { toast("Give the subset a name"); return; }
      try {
        const saved = await post("/api/subsets", { name, token: r.token });
        toast(`Saved as “${saved.name}”`);
        await showClustering({ ...r, saved_at: saved.saved_at }, saved.slug);
      } catch (e) { toast("Could not save: " + e.message); }
    };
  }
}

async function openSubset(name) {
  openModal(`Saved subset “${name}”`, '<span class="spinner"></span>');
  try { await showClustering(await api("/api/subsets/" + encodeURIComponent(name)), name); }
  catch (e) { $("#modal-body").innerHTML = `<div class="empty">${esc(e.message)}</div>`; }
}

async function renderSubsets() {
  const list = await api("/api/subsets");
  $("#subset-list").innerHTML = list.length ? `<table class="data"><thead><tr><th>name</th><th>facet</th><th>traces</th><th>topics</th><th>subtopics</th><th>saved</th><th>filter</th><th></th></tr></thead><tbody>
    ${list.map((d) => `<tr data-subset="${esc(d.slug)}"><td><button class="link" data-open-subset>${esc(d.name)}</button></td><td>${esc(d.facet)}</td>
      <td>${fmt(d.n_traces)}</td><td>${fmt(d.n_parents || d.n_topics)}</td><td>${d.n_parents ? fmt(d.n_topics) : ""}</td><td>${esc(d.saved_at)}</td><td title="${esc(JSON.stringify(d.filter))}">${esc(describeFilter(d.filter))}</td>
      <td><button class="ghost" data-delete-subset>Delete</button></td></tr>`).join("")}</tbody></table>`
    : '<div class="empty">No saved subsets. Cluster a filtered subset and save it under a name.</div>';
  $("#subset-list").onclick = async (e) => {
    const row = e.target.closest("tr[data-subset]"); if (!row) return;
    const name = row.dataset.subset;
    if (e.target.closest("[data-open-subset]")) openSubset(name);
    if (e.target.closest("[data-delete-subset]")) {
      await api("/api/subsets/" + encodeURIComponent(name), { method: "DELETE" });
      toast("Deleted"); renderSubsets();
    }
  };
}
