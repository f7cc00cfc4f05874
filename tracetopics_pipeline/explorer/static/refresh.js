/* "Refresh now": launch the daily job for today's partition (POST /api/refresh), follow its
   steps from the Dagster instance (GET /api/refresh), and reload the views when the run has
   published a new snapshot. Uses app.js's helpers. */
"use strict";

const refreshUi = { timer: null, snapshot: null };

/* A finished refresh is said once: on the page that watched it, or the first page load after
   it; a failure until it is closed (review rv12 L6: "Refreshed" came back on every load). The
   browser remembers the last refresh said (localStorage; without it, every load says it). */
const SEEN_KEY = "tracetopics.refresh.seen";
function refreshSeen(id) { try { return !!id && localStorage.getItem(SEEN_KEY) === id; } catch (e) { return false; } }
function markRefreshSeen(id) { try { if (id) localStorage.setItem(SEEN_KEY, id); } catch (e) { /* private mode */ } }

function stepIcon(status) {
  return { success: "✔", failure: "✖", skipped: "–", running: '<span class="spinner"></span>', pending: "○" }[status] || "○";
}

function renderRefresh(st, initial = false) {
  const panel = $("#refresh-panel");
  const btn = $("#refresh-now");
  const active = st.state === "launching" || st.state === "running";
  btn.disabled = active || st.state === "busy";
  btn.title = st.state === "busy" ? `A run is in progress (${st.run?.job || "?"}); refresh when it has finished` : "Run the daily job for today's partition now";
  if (st.state === "idle" || (st.state === "busy" && !st.request_id)) {
    if (st.state === "busy") {
      panel.innerHTML = `<div class="refresh-head">A run is in progress: <b>${esc(st.run.job)}</b> <code>${esc(st.run.run_id.slice(0, 8))}</code>${st.run.url ? ` · <a href="${esc(st.run.url)}" target="_blank" rel="noopener">open in Dagster</a>` : ""}</div>`;
      panel.classList.remove("hidden");
    } else panel.classList.add("hidden");
    return;
  }
  const done = st.state === "succeeded" || st.state === "failed";
  if (done && initial && refreshSeen(st.request_id)) { panel.classList.add("hidden"); return; }
  if (st.state === "succeeded") markRefreshSeen(st.request_id);
  panel.classList.remove("hidden");
  const run = st.run;
  const link = run?.url ? ` · <a id="refresh-run-link" href="${esc(run.url)}" target="_blank" rel="noopener">open in Dagster</a>` : "";
  const head = {
    launching: "Starting the daily job for today…",
    running: `Refreshing: <b>${esc(run?.job || "daily_job")}</b> for ${esc(run?.partition || "today")}`,
    succeeded: "Refreshed: the new snapshot is loaded.",
    failed: "The refresh failed.",
  }[st.state] || esc(st.state);
  const ok = (st.steps || []).filter((s) => s.status === "success").length;
  panel.innerHTML = `<div class="refresh-head" data-state="${esc(st.state)}">${head}${run ? ` <code>${esc(run.run_id.slice(0, 8))}</code>` : ""}${link}
      ${st.steps?.length ? `<span class="muted small">${ok}/${st.steps.length} steps</span>` : ""}
      <button class="link" id="refresh-close" title="Hide">✕</button></div>
    <ol class="refresh-steps">${(st.steps || []).map((s) => `<li data-status="${esc(s.status)}">${stepIcon(s.status)} <code>${esc(s.key)}</code>
      ${s.seconds !== null && s.seconds !== undefined ? `<span class="muted small">${s.seconds.toFixed(1)} s</span>` : ""}
      ${s.message ? `<span class="muted small">${esc(s.message)}</span>` : ""}</li>`).join("")}</ol>
    ${st.error ? `<pre class="small refresh-error">${esc(st.error)}</pre>` : ""}`;
  $("#refresh-close").onclick = () => { if (done) markRefreshSeen(st.request_id); panel.classList.add("hidden"); };
}

async function pollRefresh(initial = false) {
  clearTimeout(refreshUi.timer);
  let st;
  try { st = await api("/api/refresh"); } catch (e) { return; }
  if (initial) refreshUi.snapshot = st.snapshot;  // what the page loaded with
  renderRefresh(st, initial);
  if (st.state === "launching" || st.state === "running") {
    refreshUi.timer = setTimeout(pollRefresh, 1000);
  } else if (st.state === "succeeded" && st.snapshot && st.snapshot !== refreshUi.snapshot) {
    refreshUi.snapshot = st.snapshot;
    await reloadSnapshot();
  }
}

/* The run published a new snapshot: re-read the overview (header, filters) and redraw. */
async function reloadSnapshot() {
  try {
    state.overview = await api("/api/overview");
    const ov = state.overview;
    showSnapshot(ov);
    state.topicNames = {};
    for (const t of ov.topics) (state.topicNames[t.facet] ||= {})[t.topic_id] = t.label;
    fillTopicFilter();
    refresh();
    toast("New snapshot loaded: " + ov.snapshot);
  } catch (e) { toast("Could not load the new snapshot: " + e.message); }
}

async function startRefresh() {
  const btn = $("#refresh-now"); btn.disabled = true;
  try {
    const st = await api("/api/health");
    refreshUi.snapshot = st.snapshot;
    await post("/api/refresh", {});
  } catch (e) {
    toast("Refresh refused: " + e.message, 6000);
  }
  pollRefresh();
}

$("#refresh-now").addEventListener("click", startRefresh);
pollRefresh(true);  // a refresh (or another run) may already be in progress
