/* Subset clusterings: show one (fresh or saved), save it under a name, reopen it, and act on
   its topics (export, review, proposal) through /api/subsets. Uses app.js's helpers. */
"use strict";

/* Render a clustering in the modal. `saved`: its name when it is a saved subset, else null. */
async function showClustering(r, saved) {
  const facet = r.facet;
  $("#modal-title").textContent = `${facet} topics in ${saved ? `“${saved}”` : "this subset"} · ${fmt(r.n_traces)} traces${r.sampled ? " (sampled)" : ""}` +
    (saved ? ` · saved ${r.saved_at || ""}` : ` · ${r.seconds.toFixed(1)} s`);
  if (!r.topics.length) { $("#modal-body").innerHTML = `<div class="empty">${esc(r.detail || "Not enough summaries to cluster.")}</div>`; return; }
  const saveRow = saved
    ? `<div class="subset-bar muted small">Saved subset <b>${esc(saved)}</b>: the actions below work on its topics.</div>`
    : `<div class="subset-bar"><label class="small muted" for="subset-name">Save as</label>
         <input type="text" id="subset-name" value="${esc(suggestName({ label: `${facet} subset` }))}">
         <button id="subset-save">Save</button>
         <span class="muted small">Saved subsets can be reopened and used with the actions.</span></div>`;
  $("#modal-body").innerHTML = `${saveRow}<div class="cluster-layout"><div id="cluster-plot" class="plot"></div><div id="cluster-list" class="legend" style="max-height:480px"></div></div>`;
  const x = b64(r.x, Float32Array), y = b64(r.y, Float32Array), tid = b64(r.topic_id, Int32Array), ids = r.ids.split("\n");
  const groups = new Map();
  for (let i = 0; i < ids.length; i++) { let g = groups.get(tid[i]); if (!g) groups.set(tid[i], (g = { x: [], y: [], ids: [] })); g.x.push(x[i]); g.y.push(y[i]); g.ids.push(ids[i]); }
  const names = Object.fromEntries(r.topics.map((t) => [t.topic_id, t.label]));
  await Plotly.newPlot("cluster-plot", [...groups.entries()].map(([t, g]) => ({
    type: "scattergl", mode: "markers", x: g.x, y: g.y, customdata: g.ids, name: names[t] || "no_match",
    marker: { size: 5, color: paletteColor(t), opacity: 0.8 }, hovertemplate: "%{customdata}<extra>" + esc(names[t] || "no_match").slice(0, 40) + "</extra>",
  })), { margin: { l: 10, r: 10, t: 10, b: 10 }, showlegend: false, xaxis: { visible: false }, yaxis: { visible: false }, hovermode: "closest" },
  { responsive: true, displaylogo: false });
  $("#cluster-plot").on("plotly_click", (ev) => { const p = ev.points[0]; if (p) { closeModal(); openTrace(p.customdata); } });
  const acts = (t) => saved ? `<div class="row-actions" data-topic="${t.topic_id}">
      <button class="ghost" data-sact="export">Export</button><button class="ghost" data-sact="review">Review</button>
      <button data-sact="proposal">Proposal</button></div>` : "";
  $("#cluster-list").innerHTML = r.topics.map((t) => `
    <div class="cluster-topic">
      <div><span class="swatch" style="background:${paletteColor(t.topic_id)}"></span> <b>${esc(t.label)}</b> <span class="muted small">${pct(t.share)} · ${fmt(t.size)}</span></div>
      <div>${(t.keywords || []).slice(0, 6).map((k) => `<span class="kw">${esc(k)}</span>`).join("")}</div>
      ${(t.samples || []).slice(0, 2).map((s) => `<div class="small muted">“${esc(s)}”</div>`).join("")}
      ${acts(t)}
    </div>`).join("");
  $("#cluster-list").onclick = (e) => {
    const b = e.target.closest("button[data-sact]"); if (!b) return;
    const id = Number(b.closest("[data-topic]").dataset.topic);
    const scope = { subset: saved, subset_topic: id, label: names[id] };
    ({ export: exportSet, review: reviewDialog, proposal })[b.dataset.sact](scope);
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
  $("#subset-list").innerHTML = list.length ? `<table class="data"><thead><tr><th>name</th><th>facet</th><th>traces</th><th>topics</th><th>saved</th><th>filter</th><th></th></tr></thead><tbody>
    ${list.map((d) => `<tr data-subset="${esc(d.slug)}"><td><button class="link" data-open-subset>${esc(d.name)}</button></td><td>${esc(d.facet)}</td>
      <td>${fmt(d.n_traces)}</td><td>${fmt(d.n_topics)}</td><td>${esc(d.saved_at)}</td><td title="${esc(JSON.stringify(d.filter))}">${esc(describeFilter(d.filter))}</td>
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
