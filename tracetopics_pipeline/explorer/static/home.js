/* "What changed": the landing view. The facts come from GET /api/changes (the same computation
   as `tracetopics digest` and the topic_alerts asset); each item opens its topic or its traces.
   Uses app.js's and topics.js's helpers ($, api, esc, fmt, ticket, state, spendText,
   selectTopic, showTopicTraces). */
"use strict";

const HOME_SECTIONS = [
  // section, title, one line saying what it holds
  ["new", "New topics", "Topics seen for the first time in this window, none before it."],
  ["returning", "Returning topics", "Topics back in this window after none in the days before (seen earlier)."],
  ["growing", "Growing", "Share of their facet up {over}, on enough traces to mean it."],
  ["fading", "Fading", "Share of their facet down {over}."],
  ["over_indexed", "More pain than usual", "Negative sentiment or agent issues well above their facet's average."],
  ["product_gaps", "Product gaps", "A clear request, unhappy users, and the agent did nothing wrong: the product falls short."],
  ["agent_failures", "Agent failures", "A clear request, unhappy users, and the agent had an issue (a failed tool call, a wrong answer...)."],
  ["unclear_gaps", "Unhappy, cause unclear", "A clear request and unhappy users, but no clear cause: each item says which rule it falls short of."],
  ["priorities", "Top priorities", "The priority ranking: volume, pain, trend and account value."],
];
/* Sections read by one rule, shown as one card with one sentence when none has a fact and the
   server gives the group's reason (notes[key]), not a row of empty boxes: the capability gaps
   (notes.gaps: too little to read, or what a gap needs; review rv12 L8) and the four trend
   sections when there are no days before to compare with (notes.trends). */
const HOME_GROUPS = [
  { key: "trends", sections: ["new", "returning", "growing", "fading"], title: "New, returning, growing, fading",
    text: "Topics compared with the days before the window." },
  { key: "gaps", sections: ["product_gaps", "agent_failures", "unclear_gaps"], title: "Capability gaps",
    text: "Product gaps, agent failures and unhappy topics whose cause is unclear: Task topics clearly unhappier than the rest." },
];
function homeCards(d) {
  const notes = d.notes || {};
  const folded = HOME_GROUPS.filter((g) => notes[g.key] && g.sections.every((s) => !(d.sections[s] || []).length));
  return HOME_SECTIONS.flatMap((x) => {
    const g = folded.find((f) => f.sections.includes(x[0]));
    if (!g) return [x];
    return x[0] === g.sections[0] ? [[g.key, g.title, g.text]] : [];
  });
}
const KIND_WORDS = { negative: "negative sentiment", issues: "agent issues" };
const homeState = { since: 7, data: null, open: new Set(), followed: null };  // open: sections showing all; followed: homeFollow's dates
const HOME_SHOWN = 5;  // items per section before "Show more"

function homeBadge(f) {
  const n = f.numbers || {};
  if (f.kind === "growing" || f.kind === "fading") {
    const up = n.share_change >= 0;
    return `<span class="hbadge ${up ? "up" : "down"}" title="change of its share of ${esc(f.facet)}">${up ? "▲ +" : "▼ "}${(100 * n.share_change).toFixed(0)}%</span>`;
  }
  if (f.kind === "negative" || f.kind === "issues") return `<span class="hbadge pain" title="against the facet's average">${n.lift.toFixed(1)}× ${KIND_WORDS[f.kind]}</span>`;
  if (f.kind === "new") return `<span class="hbadge new">new</span>`;
  if (f.kind === "returning") return `<span class="hbadge new" title="last seen ${esc(n.last_before || "earlier")}">back</span>`;
  if (f.kind === "priority") return `<span class="hbadge rank" title="priority score ${n.score.toFixed(2)}">#${n.rank}</span>`;
  return `<span class="hbadge pain">${fmt(n.negative)} unhappy</span>`;
}

function homeItem(f, i, section) {
  const where = f.parent_label && f.parent_label !== f.label ? ` · in ${esc(f.parent_label)}` : "";
  const level = f.level === "parent" ? " (parent)" : "";
  return `<li class="hitem" data-section="${section}" data-i="${i}">
      <div class="hitem-head">${homeBadge(f)}
        <button class="linkish hopen" data-act="topic" title="Open this topic">${esc(f.label)}</button>
        <span class="muted small">${esc(f.facet)} topic ${f.topic_id}${level}${where} · ${fmt(f.traces)} ${f.traces === 1 ? "trace" : "traces"}</span>
      </div>
      <div class="hwhy">${esc(f.why)}</div>
      <div class="hacts"><button class="ghost small" data-act="topic">Open topic</button><button class="ghost small" data-act="traces">See its traces</button></div>
    </li>`;
}

/* The filter bar's filters (not the parent drilled into elsewhere) and the window. */
function homeParams() { return filterParams({ since: homeState.since }, { focus: false }); }

/* A page that lands on the home asks for its facts as this script runs, beside /api/overview
   (app.js boot), not after it: the first card waited for the two answers in turn (3.7-5.8 s
   on the 30-day demo). renderHome takes the answer when it asked for the same thing. */
let homeEarly = (() => {
  const p = new URLSearchParams(location.search);
  if ((p.get("tab") || defaultTab()) !== "home") return null;
  const q = appendFilter(new URLSearchParams(), urlFilter(p));
  q.set("since", homeState.since);
  const key = q.toString();
  return { key, answer: api("/api/changes?" + key).then((d) => ({ d }), (e) => ({ e })) };
})();

function setDates(from, to) {
  state.filter.date_from = from; state.filter.date_to = to;
  $("#f-from").value = from; $("#f-to").value = to;
}

async function renderHome() {
  // Back from a followed fact (homeFollow) with its dates untouched: the home shows its own
  // window again, with the weeks before it to compare with, not the slice it narrowed to.
  const fl = homeState.followed;
  homeState.followed = null;
  if (fl && state.filter.date_from === fl.set[0] && state.filter.date_to === fl.set[1]) {
    setDates(...fl.prev); renderChips(); syncUrl();
  }
  const fresh = ticket("home");
  const root = $("#home");
  // The facts of the previous filter stay on screen, dimmed, until the new ones arrive.
  root.classList.add("stale");
  let d;
  const early = homeEarly;
  homeEarly = null;
  try {
    if (early && early.key === homeParams()) {
      const got = await early.answer;
      if (got.e) throw got.e;
      d = got.d;
    } else {
      d = await api("/api/changes?" + homeParams());
    }
  } catch (e) {
    if (!fresh()) return;
    root.classList.remove("stale");
    root.innerHTML = `<div class="empty">Could not compute what changed: ${esc(e.message)}. ${esc(whatToDo(e))}</div>`;
    return;
  }
  if (!fresh()) return;
  root.classList.remove("stale");
  homeState.data = d;
  homeState.key = homeParams();
  const traces = d.filtered ? "traces in this slice" : "traces";
  // A date filter that starts inside the window shortens it: say so rather than show 7 days.
  const from = state.filter.date_from && d.start && state.filter.date_from > d.start ? state.filter.date_from : null;
  // Data that starts inside the window: its days, not the window's (review rv8 L3: "2026-11-02
  // to 2026-11-29" and "last 28 days" on data from 2026-11-09).
  const first = !from && d.first_day && d.start && d.first_day > d.start && !d.prev_traces ? d.first_day : null;
  const dataDays = first ? Math.round((Date.parse(d.end) - Date.parse(first)) / 864e5) + 1 : d.since_days;
  const emptyText = d.filtered ? "No classified traces in this slice." : "Nothing is classified yet.";
  const windowText = !d.end ? emptyText : first
    ? `${first} to ${d.end}, the ${dataDays} days there are (${fmt(d.traces)} ${traces}; no traces before ${first} to compare against)`
    : `${from || d.start} to ${d.end} (${fmt(d.traces)} ${traces})` + (!d.prev_traces
      // Nothing before (a first week): say so, not "(0 traces, on 0 of those days)".
      ? `; no traces in the ${d.since_days} days before ${d.start} to compare against`
      : ` against the ${d.since_days} days before ${d.start} (${fmt(d.prev_traces)} ${traces}${d.prev_days < d.since_days ? `, on ${d.prev_days} of those days` : ""})`)
      + (from ? `: the date filter starts inside the ${d.since_days}-day window` : "");
  const drilled = state.focus !== null ? " The topic drilled into narrows the other views, not this one." : "";
  const scopeNote = (d.filtered
    ? "Filtered: these facts are computed on the slice the filters select; the window ends at its latest day."
    : "All traffic (the filters above narrow these facts too).") + drilled;
  const spend = spendText(state.overview && state.overview.spend);  // app.js; "" when none to say
  const spendNote = spend ? spend.charAt(0).toUpperCase() + spend.slice(1) + "." : "";
  const notes = d.notes || {};
  // What each card reads: the home's window, compared with as many days before; the priority
  // ranking is the mart's, over its own window of all traffic (review rv7 P2, L1).
  // The days compared, as the digest says them (changes.compared_with): "against the 7 days
  // there are before" when the data starts inside the days before (a 14-day window on 21 days).
  const over = d.compared || (d.since_days === 7 ? "week over week" : `against the ${d.since_days} days before`);
  const period = (s) => s !== "priorities" ? (first ? `the ${dataDays} days there are` : `last ${d.since_days} days`)
    : rankingWindow(d.priority_days, d.priority_data_days);
  const cards = homeCards(d).map(([s, title, text]) => {
    const blurb = text.replace("{over}", over);
    const facts = d.sections[s] || [];
    const key = notes[s] ? s : "all";
    const note = notes[key];
    // A rule that had too little data warns; a note saying what a rule found (no capability
    // gap, and how close the unhappiest topic comes) or how to read a section informs.
    const kind = (d.short || []).includes(key) ? "hnote hshort" : "hnote hinfo";
    const none = d.filtered ? "Nothing significant in this slice." : "Nothing this time.";
    const empty = note ? `<li class="small ${kind}">${esc(note)}</li>` : `<li class="muted small">${esc(none)}</li>`;
    const aside = facts.length && note ? `<p class="small ${kind}">${esc(note)}</p>` : "";
    const shown = homeState.open.has(s) ? facts : facts.slice(0, HOME_SHOWN);
    const more = facts.length > shown.length
      ? `<button class="ghost small hmore" data-more="${s}">Show ${fmt(facts.length - shown.length)} more</button>` : "";
    return `<div class="card hcard${s === "priorities" ? " hwide" : ""}" id="home-${s}">
      <div class="card-head"><h2>${esc(title)} <span class="muted small hperiod">${esc(period(s))}</span></h2><span class="muted small">${facts.length ? fmt(facts.length) : "none"}</span></div>
      <p class="muted small hblurb">${esc(blurb)}</p>${aside}
      <ul class="hlist">${shown.map((f, i) => homeItem(f, i, s)).join("") || empty}</ul>${more}
    </div>`;
  }).join("");
  // Nothing classified in the slice: said once, in the head, not in each of the eight cards
  // (review rv6 E3).
  root.innerHTML = `<div class="home-head">
      <div><h1>What changed</h1><div class="muted" id="home-window">${esc(windowText)}</div><div class="muted small">${scopeNote} ${esc(spendNote)}</div></div>
      <div class="seg" id="home-since">${(state.overview?.change_windows || [7]).map((n) => `<button data-since="${n}" class="${n === homeState.since ? "active" : ""}">${n} days</button>`).join("")}</div>
    </div>
    ${d.end ? `<div class="home-grid">${cards}</div>` : ""}`;
  root.onclick = (e) => {
    const since = e.target.closest("button[data-since]");
    if (since) { homeState.since = Number(since.dataset.since); renderHome(); return; }
    const more = e.target.closest("button[data-more]");
    if (more) { homeState.open.add(more.dataset.more); renderHome(); return; }
    const b = e.target.closest("button[data-act]"); if (!b) return;
    const li = b.closest(".hitem");
    const f = homeState.data.sections[li.dataset.section][Number(li.dataset.i)];
    homeFollow(f, b.dataset.act);
  };
}

/* Open a fact's topic (topics.js's selectTopic: a parent opens with its subtopics, a subtopic
   inside its parent) or its traces (the Traces tab filtered to it). */
function homeFollow(f, what) {
  // "topic": a one-level map, so the row opens in the list rather than drilling in.
  const level = f.level;
  // The fact was read on the home's window: open the topic on it too, or its traces, shares
  // and roadmap proposal are the whole history's and may say otherwise (review rv6 G1).
  const d = homeState.data;
  if (d && d.start && d.end) {
    const prev = [state.filter.date_from, state.filter.date_to];
    // A topic that faded to nothing in the window opens on the days before it too, where its
    // traces are: on the window alone its traces and its proposal are empty.
    const start = f.traces === 0 && d.prev_start ? d.prev_start : d.start;
    const from = [prev[0], start].filter(Boolean).sort().pop();
    const to = [prev[1], d.end].filter(Boolean).sort()[0];
    setDates(from, to);
    homeState.followed = { prev, set: [from, to] };
  }
  if (what === "traces") {
    if (f.facet !== state.facet && [...$("#facet").options].some((o) => o.value === f.facet)) {
      state.facet = f.facet; $("#facet").value = f.facet; $("#act-cluster-facet").textContent = f.facet;
      fillTopicFilter(); state.colorKey = ""; state.focus = null; state.mapId = null;
    }
    showTopicTraces(f.topic_id, f.facet);
  } else {
    selectTopic(f.facet, f.topic_id, f.parent_id, level);
  }
}

/* The home's facts for the current filter: the ones on screen, or fetched (a Trends link opened
   in a new tab, or a reload, has not rendered the home); null when they cannot be computed. */
async function homeFacts() {
  const key = homeParams();
  if (homeState.data && homeState.key === key) return homeState.data;
  try {
    const d = await api("/api/changes?" + key);
    if (key === homeParams()) { homeState.data = d; homeState.key = key; }
    return d;
  } catch (e) {
    return null;
  }
}

/* Topics of `facet` that the home (for the current filter) lists as growing or fading, at the
   list's level: topic id -> "▲" or "▼". The Trends chart shows and marks them. */
async function homeMoves(facet, level) {
  const d = await homeFacts(), out = new Map();
  if (!d) return out;
  for (const [s, mark] of [["growing", "▲"], ["fading", "▼"]]) {
    for (const f of d.sections[s] || []) {
      if (f.facet === facet && (f.level === level || f.level === "topic")) out.set(f.topic_id, mark);
    }
  }
  return out;
}

window.ttViews = window.ttViews || {};
window.ttViews.home = renderHome;  // app.js's renderTab finds the view here
