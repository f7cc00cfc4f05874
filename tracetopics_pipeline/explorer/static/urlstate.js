/* The view's state lives in the URL, so a copied link reproduces the view: tab, facet, level,
   the drilled-into topic, open topic rows, filters, map, grain, the open trace and the search.
   Filters and rows replace the history entry; tabs and drilling push one (Back returns). */
"use strict";

/* The landing tab: the first tab of the page. */
function defaultTab() { return document.querySelector("#tabs button[data-tab]")?.dataset.tab || "map"; }

function urlFromState() {
  const p = new URLSearchParams();
  if (state.tab !== defaultTab()) p.set("tab", state.tab);
  p.set("facet", state.facet);
  if (state.level !== "parent") p.set("level", state.level);
  if (state.focus !== null) p.set("focus", state.focus);
  appendFilter(p);
  [...state.expanded].filter((k) => k.startsWith(state.facet + ":")).forEach((k) => p.append("open", k.split(":").pop()));
  if (state.mapId) p.set("map", state.mapId);
  if (state.grain !== "day") p.set("grain", state.grain);
  if (state.trace) p.set("trace", state.trace);
  if (state.q) p.set("q", state.q);
  const qs = p.toString();
  return location.pathname + (qs ? "?" + qs : "");
}

function syncUrl({ push = false } = {}) {
  if (!state.overview) return;  // nothing loaded yet: keep the link as given
  const url = urlFromState();
  if (url === location.pathname + location.search) return;
  history[push ? "pushState" : "replaceState"](null, "", url);
}

/* The filter bar's values in a URL's parameters (ill-formed ones left out). */
function urlFilter(p) {
  const day = (v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");
  return {
    date_from: day(p.get("date_from")), date_to: day(p.get("date_to")),
    customer: p.get("customer") || "", plan_tier: p.get("plan_tier") || "",
    label: p.getAll("label").filter((v) => v.includes(":")),
    topic: p.getAll("topic").filter((v) => /^[^:]+:-?\d+$/.test(v)),
  };
}

/* Read the URL into the state (on load and on Back/Forward); values are checked against the
   snapshot where they can be (facets, tabs); the server validates the rest. */
function readUrl() {
  const p = new URLSearchParams(location.search);
  const facets = [...$("#facet").options].map((o) => o.value);
  const want = p.get("facet");
  const facet = facets.find((x) => want && x.toLowerCase() === want.toLowerCase());
  if (facet) { state.facet = facet; $("#facet").value = facet; $("#act-cluster-facet").textContent = facet; fillTopicFilter(); }
  state.tab = p.get("tab") || defaultTab();
  linkNote(want && !facet ? want : null, tabName(state.tab) ? null : state.tab, facets);
  state.level = p.get("level") === "sub" ? "sub" : "parent";
  const focus = p.get("focus");
  state.focus = focus !== null && /^-?\d+$/.test(focus) ? Number(focus) : null;
  state.filter = urlFilter(p);
  $("#f-from").value = state.filter.date_from; $("#f-to").value = state.filter.date_to;
  $("#f-customer").value = state.filter.customer; $("#f-plan").value = state.filter.plan_tier;
  state.expanded = new Set(p.getAll("open").filter((v) => /^-?\d+$/.test(v)).map((v) => `${state.facet}:${v}`));
  state.scrollTo = state.expanded.size > 0;
  state.mapId = p.get("map") || null;
  state.grain = p.get("grain") === "week" ? "week" : "day";
  document.querySelectorAll("#grain button").forEach((x) => x.classList.toggle("active", x.dataset.grain === state.grain));
  state.trace = p.get("trace") || null;
  state.q = p.get("q") || "";
  state.hiddenTopics.clear(); state.colorKey = "";
}

/* A tab's name in the page ("Cross-slices" for slices), or "" when the page has no such tab. */
function tabName(tab) {
  const b = document.querySelector(`#tabs button[data-tab="${CSS.escape(tab)}"]`);
  return b && document.getElementById("tab-" + tab) ? b.textContent : "";
}

/* A link naming a facet or a tab the page does not have says so above the view it falls back
   to, listing what there is: it silently showed another facet or tab instead. */
function linkNote(facet, tab, facets) {
  const el = $("#link-note"), said = [];
  if (facet !== null) {
    const known = (state.overview?.facets || []).find((f) => f.facet.toLowerCase() === facet.toLowerCase());
    said.push(known
      ? `The facet “${esc(known.facet)}” has no classified traces yet; showing ${esc(state.facet)}.`
      : `No facet “${esc(facet)}”; facets are ${facets.map(esc).join(", ")}. Showing ${esc(state.facet)}.`);
  }
  // A link in another app's form (`#/topics?facet=Nope`): the page reads none of it.
  if (location.hash.length > 1) {
    said.push(`The part after # (“${esc(location.hash)}”) is not read: a view's address carries its tab, facet and filters after /? (/?tab=topics&amp;facet=Task).`);
  }
  if (tab !== null) {
    const tabs = tabButtons().filter((b) => document.getElementById("tab-" + b.dataset.tab))
      .map((b) => `${esc(b.dataset.tab)} (${esc(b.textContent)})`);
    said.push(`No tab “${esc(tab)}”; tabs are ${tabs.join(", ")}. Showing ${esc(tabName(defaultTab()))}.`);
  }
  el.innerHTML = said.map((x) => `<div>${x}</div>`).join("") +
    '<button class="ghost close" type="button" aria-label="Close">×</button>';
  el.classList.toggle("hidden", !said.length);
}

/* A state change that every view shows: write the URL, then redraw. */
function navigate({ push = false } = {}) {
  syncUrl({ push });
  refresh();
}
