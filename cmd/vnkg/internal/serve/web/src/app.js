// The vnkg viewer: search, the neighbourhood of an entity as a graph, its
// facts with the sentences that state them, timelines, articles with their
// mentions, and a Gizmo box. Every view is a URL:
//   /entity/{kind}/{key}   an entity (also /?iri=IRI, /?focus=NAME)
//   /article/{doc}         an article
//   /?view=gizmo           the Gizmo box
// It talks only to this server's JSON API (see the README).

import cytoscape from "cytoscape";
import svg from "cytoscape-svg";

cytoscape.use(svg);

const ID = "https://w3id.org/vnkg/id/";

// Colours and shapes by kind: the same as the DOT export's.
const KINDS = {
  person: { label: "Person", color: "#f4a261", shape: "ellipse" },
  org: { label: "Body", color: "#8ecae6", shape: "round-rectangle" },
  event: { label: "Event", color: "#e76f51", shape: "diamond" },
  position: { label: "Position", color: "#90be6d", shape: "rectangle" },
  rank: { label: "Rank", color: "#e9c46a", shape: "hexagon" },
  resolution: { label: "Resolution", color: "#cdb4db", shape: "tag" },
  plan: { label: "Plan", color: "#ffc8dd", shape: "tag" },
  place: { label: "Place", color: "#b7e4c7", shape: "round-triangle" },
  doc: { label: "Article", color: "#dddddd", shape: "barrel" },
  date: { label: "Date", color: "#e3e3f0", shape: "ellipse" },
  other: { label: "Other", color: "#ffffff", shape: "ellipse" },
};
const kindOf = (k) => (KINDS[k] ? k : "other");

const $ = (s, root = document) => root.querySelector(s);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, opts) {
  const r = await fetch(path, opts);
  const text = await r.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: text || r.statusText };
  }
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// pageURL is the viewer's URL of an IRI.
function pageURL(iri) {
  if (iri.startsWith(ID)) {
    const rest = iri.slice(ID.length);
    const i = rest.indexOf("/");
    if (i > 0) {
      const kind = rest.slice(0, i), key = rest.slice(i + 1);
      return kind === "doc" ? "/article/" + key : "/entity/" + kind + "/" + key;
    }
  }
  return "/?iri=" + encodeURIComponent(iri);
}

function kindBadge(kind) {
  const k = KINDS[kindOf(kind)];
  return el("span", { class: "kind", style: `background:${k.color}` }, k.label);
}

function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// ---- search, with suggestions as you type ----

function setupSearch() {
  const q = $("#q"), list = $("#suggestions");
  let hits = [], active = -1, timer = 0, seq = 0;
  const close = () => { list.hidden = true; q.setAttribute("aria-expanded", "false"); active = -1; };
  const choose = (h) => { close(); q.value = h.name; navigate(h.url); };
  const render = () => {
    list.replaceChildren(...hits.map((h, i) => el("li", {
      id: "sugg-" + i, role: "option", "aria-selected": String(i === active),
      onmousedown: (ev) => { ev.preventDefault(); choose(h); },
    }, kindBadge(h.kind), el("span", {}, h.name), h.also ? el("span", { class: "also" }, "(" + h.also + ")") : null)));
    list.hidden = hits.length === 0;
    q.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) q.setAttribute("aria-activedescendant", "sugg-" + active);
    else q.removeAttribute("aria-activedescendant");
  };
  q.addEventListener("input", () => {
    clearTimeout(timer);
    const text = q.value.normalize("NFC").trim();
    if (!text) { hits = []; render(); return; }
    timer = setTimeout(async () => {
      const my = ++seq;
      try {
        const ans = await api("/api/search?limit=10&q=" + encodeURIComponent(text));
        if (my !== seq) return;
        hits = ans.results; active = hits.length ? 0 : -1; render();
      } catch (e) { console.warn(e); }
    }, 120);
  });
  q.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && hits.length) { active = (active + 1) % hits.length; render(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp" && hits.length) { active = (active - 1 + hits.length) % hits.length; render(); ev.preventDefault(); }
    else if (ev.key === "Enter") {
      ev.preventDefault();
      if (active >= 0 && hits[active]) choose(hits[active]);
      else if (q.value.trim()) navigate("/?focus=" + encodeURIComponent(q.value.normalize("NFC").trim()));
    } else if (ev.key === "Escape") close();
  });
  q.addEventListener("blur", () => setTimeout(close, 150));
}

// ---- the graph ----

const state = { focus: "", expanded: new Set(), articles: {}, kinds: new Set(Object.keys(KINDS)) };

// Page sizes of the entity answer (facts per predicate, articles per fact)
// and of the timeline: the server's defaults unless the page's URL gives
// ?facts=, ?sources=, ?rows= (kept for the session).
const pages = (() => {
  const p = new URLSearchParams(location.search), out = {};
  for (const k of ["facts", "sources", "rows"]) if (/^[0-9]+$/.test(p.get(k) || "")) out[k] = p.get(k);
  return out;
})();
const pageQuery = (...keys) => keys.filter((k) => pages[k]).map((k) => `&${k === "rows" ? "limit" : k}=${pages[k]}`).join("");
let cy;

function graphStyle() {
  return [
    { selector: "node", style: {
      label: "data(label)", "font-family": "Noto Sans, DejaVu Sans, sans-serif", "font-size": 11,
      "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 3,
      "background-color": (n) => KINDS[kindOf(n.data("kind"))].color, shape: (n) => KINDS[kindOf(n.data("kind"))].shape,
      "border-width": 1, "border-color": "#555", width: 26, height: 26,
    } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": "#1f5fa8", width: 36, height: 36, "font-weight": "bold" } },
    { selector: "node.expanded", style: { "border-style": "double", "border-width": 4 } },
    { selector: "node:selected", style: { "overlay-opacity": 0.15, "overlay-color": "#1f5fa8" } },
    { selector: "edge", style: {
      width: 1.5, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1", "target-arrow-shape": "triangle",
      "curve-style": "bezier", label: "data(phrase)", "font-size": 8, color: "#56606b", "text-rotation": "autorotate",
      "font-family": "Noto Sans, DejaVu Sans, sans-serif", "text-background-color": "#fff", "text-background-opacity": 0.8,
    } },
    { selector: ".hidden", style: { display: "none" } },
  ];
}

function makeGraph(container) {
  return cytoscape({ container, style: graphStyle(), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
}

function toElements(g) {
  const els = [];
  for (const n of g.nodes) els.push({ group: "nodes", data: { id: n.iri, name: n.name, label: truncate(n.name, 36), kind: n.kind || "other", articles: n.articles, date: n.date || "" } });
  for (const e of g.edges) els.push({ group: "edges", data: { id: e.source + "|" + e.predicate + "|" + e.target, source: e.source, target: e.target, phrase: e.phrase, short: e.short, articles: e.articles } });
  return els;
}

async function focus(iri) {
  state.focus = iri;
  state.expanded = new Set([iri]);
  state.articles = {};
  $("#graph-note").textContent = "Loading…";
  showView("graph");
  const [nb] = await Promise.all([
    api("/api/neighbourhood?iri=" + encodeURIComponent(iri)).catch((e) => ({ error: e })),
    showEntity(iri),
  ]);
  if (nb.error) { $("#graph-note").textContent = String(nb.error.message || nb.error); cy.elements().remove(); return; }
  Object.assign(state.articles, nb.graph.articles);
  cy.elements().remove();
  cy.add(toElements(nb.graph));
  cy.$id(iri).addClass("focus expanded");
  cy.layout({ name: "concentric", concentric: (n) => (n.id() === iri ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 70, animate: false }).run();
  cy.fit(undefined, 40);
  updateArticleFilter();
  applyFilters();
  $("#graph-note").textContent = nb.graph.more ? `${nb.graph.more} more neighbours are not drawn. Click a node to expand it; double-click to focus it.`
    : nb.graph.truncated ? "Only the nearest nodes are shown. Click a node to expand it; double-click to focus it." : "Click a node to expand it; double-click to focus it.";
}

// expand adds a node's neighbours around it; nodes already drawn stay where
// they are, so the layout does not jump.
async function expand(iri) {
  if (state.expanded.has(iri)) return;
  state.expanded.add(iri);
  const node = cy.$id(iri);
  node.addClass("expanded");
  let nb;
  try {
    nb = await api("/api/neighbourhood?iri=" + encodeURIComponent(iri));
  } catch (e) { $("#graph-note").textContent = e.message; return; }
  Object.assign(state.articles, nb.graph.articles);
  const fresh = nb.graph.nodes.filter((n) => cy.$id(n.iri).empty());
  const c = node.position();
  const r = 90 + 6 * fresh.length;
  // Open the ring on the side away from the graph's centre.
  const bb = cy.elements().boundingBox();
  const away = Math.atan2(c.y - (bb.y1 + bb.y2) / 2, c.x - (bb.x1 + bb.x2) / 2);
  const spread = fresh.length > 6 ? 2 * Math.PI : Math.PI;
  fresh.forEach((n, i) => {
    const a = away - spread / 2 + (spread * (i + 0.5)) / fresh.length;
    cy.add({ group: "nodes", data: { id: n.iri, name: n.name, label: truncate(n.name, 36), kind: n.kind || "other", articles: n.articles, date: n.date || "" }, position: { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) } });
  });
  for (const e of nb.graph.edges) {
    const id = e.source + "|" + e.predicate + "|" + e.target;
    if (cy.$id(id).empty()) cy.add({ group: "edges", data: { id, source: e.source, target: e.target, phrase: e.phrase, short: e.short, articles: e.articles } });
  }
  updateArticleFilter();
  applyFilters();
  // Zoom out to show the new nodes if they fall outside the view; nothing moves.
  const ext = cy.extent(), nb2 = cy.nodes(":visible").boundingBox();
  if (nb2.x1 < ext.x1 || nb2.x2 > ext.x2 || nb2.y1 < ext.y1 || nb2.y2 > ext.y2) cy.fit(cy.elements(":visible"), 40);
  const more = nb.graph.more ? `; ${nb.graph.more} more not drawn` : "";
  $("#graph-note").textContent = `${fresh.length} node(s) added around ${node.data("name")}${more}.`;
}

function setupGraph() {
  cy = makeGraph($("#cy"));
  window.vnkgGraph = () => cy; // for the browser test and the console
  cy.on("tap", "node", (ev) => { const id = ev.target.id(); expand(id); showEntity(id); });
  cy.on("dbltap", "node", (ev) => navigate(pageURL(ev.target.id())));
  const box = $("#kind-filter");
  for (const [k, v] of Object.entries(KINDS)) {
    const cb = el("input", { type: "checkbox", checked: true, value: k, onchange: () => { cb.checked ? state.kinds.add(k) : state.kinds.delete(k); applyFilters(); } });
    box.append(el("label", {}, cb, " ", el("span", { class: "kind", style: `background:${v.color}` }, v.label)));
  }
  for (const id of ["#doc-filter", "#from-filter", "#to-filter"]) $(id).addEventListener("change", applyFilters);
  $("#fit").addEventListener("click", () => cy.fit(cy.elements(":visible"), 30));
  $("#save-png").addEventListener("click", async () => {
    download("vnkg-graph.png", await cy.png({ output: "blob-promise", full: true, bg: "#ffffff", scale: 2 }));
  });
  $("#save-svg").addEventListener("click", () => {
    download("vnkg-graph.svg", new Blob([cy.svg({ full: true, bg: "#ffffff" })], { type: "image/svg+xml" }));
  });
  $("#save-nq").addEventListener("click", async () => {
    const nodes = cy.nodes(":visible").map((n) => n.id());
    const r = await fetch("/api/subgraph", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ nodes }) });
    if (!r.ok) { $("#graph-note").textContent = (await r.json()).error; return; }
    download("vnkg-subgraph.nq", await r.blob());
  });
}

function updateArticleFilter() {
  const sel = $("#doc-filter"), cur = sel.value;
  const docs = Object.entries(state.articles).sort((a, b) => (a[1].date || "~").localeCompare(b[1].date || "~") || a[0].localeCompare(b[0]));
  sel.replaceChildren(el("option", { value: "" }, "all"), ...docs.map(([id, a]) =>
    el("option", { value: id, selected: id === cur }, (a.date ? a.date + " " : "") + (a.title ? truncate(a.title, 50) : id))));
}

function truncate(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

// applyFilters hides nodes of unticked types, and edges no article of the
// chosen one or date range states; nodes left without a visible edge go too
// (the focus stays).
function applyFilters() {
  const doc = $("#doc-filter").value, from = $("#from-filter").value, to = $("#to-filter").value;
  const articleOK = (id) => {
    if (doc && id !== doc) return false;
    const d = (state.articles[id] || {}).date || "";
    if ((from || to) && !d) return false;
    return (!from || d >= from) && (!to || d <= to);
  };
  cy.batch(() => {
    cy.elements().removeClass("hidden");
    cy.nodes().forEach((n) => { if (!state.kinds.has(kindOf(n.data("kind"))) && n.id() !== state.focus) n.addClass("hidden"); });
    if (doc || from || to) {
      cy.edges().forEach((e) => { if (!(e.data("articles") || []).some(articleOK)) e.addClass("hidden"); });
    }
    cy.edges().forEach((e) => { if (e.source().hasClass("hidden") || e.target().hasClass("hidden")) e.addClass("hidden"); });
    cy.nodes().forEach((n) => {
      if (n.id() !== state.focus && n.connectedEdges().filter((e) => !e.hasClass("hidden")).empty()) n.addClass("hidden");
    });
  });
}

// ---- the side panel: facts with evidence, timeline ----

function sentence(ev) {
  return el("blockquote", {}, ev.sentence.map((s) => (s.mark ? el("mark", {}, s.t) : s.t)));
}

function valueOf(f) {
  if (f.node) {
    return el("span", {},
      el("a", { href: pageURL(f.node.iri), onclick: (e) => { e.preventDefault(); navigate(pageURL(f.node.iri)); } }, f.node.name),
      el("button", { class: "expand", type: "button", title: "Draw its neighbours", "aria-label": "Expand " + f.node.name + " in the graph",
        onclick: () => { if (cy.$id(f.node.iri).nonempty()) expand(f.node.iri); } }, "+"));
  }
  return el("span", {}, f.literal.value);
}

function sourceItem(s) {
  if (s.background) return el("li", {}, "gazetteer (background knowledge)");
  const link = el("a", { href: "/article/" + encodeURIComponent(s.doc), onclick: (e) => { e.preventDefault(); navigate("/article/" + encodeURIComponent(s.doc)); } }, s.doc);
  const head = el("div", {}, link, s.date ? " · " + s.date : "", s.publisher ? el("span", { class: "publisher" }, " · " + s.publisher.name) : "",
    s.url ? el("span", {}, " · ", el("a", { class: "web", href: s.url, rel: "noreferrer", title: s.url }, "source ↗")) : "",
    s.title ? el("span", { class: "also" }, " — " + truncate(s.title, 80)) : "");
  const ev = s.evidence;
  let body = null;
  if (ev && ev.status === "ok") body = sentence(ev);
  else if (ev && ev.status !== "none") body = el("div", { class: "stale" }, ev.note || ev.status);
  return el("li", { class: "source" }, head, body);
}

// moreSources is the button under a fact whose articles come in pages: it
// asks for the next page and adds it to the list.
function moreSources(iri, f, list) {
  let from = f.next;
  const left = () => (f.count || 0) - list.children.length;
  const b = el("button", { class: "more more-sources", type: "button" }, `${left()} more article(s)`);
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      const page = await api(`/api/sources?iri=${encodeURIComponent(iri)}&predicate=${encodeURIComponent(f.predicate)}&in=${f.in ? 1 : 0}&fact=${f.id}&from=${from}&limit=${pages.sources || 20}`);
      list.append(...page.sources.map(sourceItem));
      from = page.next || 0;
    } catch (e) { b.replaceWith(el("span", { class: "stale" }, e.message)); return; }
    b.disabled = false;
    if (!from) b.remove(); else b.textContent = `${left()} more article(s)`;
  });
  return b;
}

function factItem(iri, f) {
  const list = el("ul", { class: "sources" }, f.sources.map(sourceItem));
  const n = f.count ? el("span", { class: "count" }, ` (${f.count} article${f.count === 1 ? "" : "s"})`) : null;
  return el("div", { class: "fact" },
    el("div", {}, el("span", { class: "phrase" }, f.phrase + ": "), el("span", { class: "what" }, valueOf(f)), n),
    list, f.next ? moreSources(iri, f, list) : null);
}

// moreFacts is the button after a predicate's facts that come in pages.
function moreFacts(iri, g, before) {
  let cursor = g.next, shown = g.shown;
  const b = el("button", { class: "more more-facts", type: "button" }, `${g.phrase}: ${g.facts - shown} more`);
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      const page = await api(`/api/facts?iri=${encodeURIComponent(iri)}&predicate=${encodeURIComponent(g.predicate)}&in=${g.in ? 1 : 0}&cursor=${cursor}` + pageQuery("facts", "sources"));
      for (const f of page.facts) before.before(factItem(iri, f));
      shown += page.facts.length;
      cursor = page.next || "";
    } catch (e) { b.replaceWith(el("span", { class: "stale" }, e.message)); return; }
    b.disabled = false;
    if (!cursor) b.remove(); else b.textContent = `${g.phrase}: ${g.facts - shown} more`;
  });
  return b;
}

function timelineRow(a) {
  return el("tr", {},
    el("td", {}, a.date || "undated"),
    el("td", {}, el("a", { href: "/article/" + encodeURIComponent(a.doc) }, a.doc)),
    el("td", {}, a.ranks.map((r) => r.name).join(", ")),
    el("td", {}, a.positions.map((p) => p.name).join("; ")));
}

let entitySeq = 0;
async function showEntity(iri) {
  const my = ++entitySeq;
  const panel = $("#panel");
  let ent, tl;
  try {
    [ent, tl] = await Promise.all([
      api("/api/entity?iri=" + encodeURIComponent(iri) + pageQuery("facts", "sources")),
      api("/api/timeline?iri=" + encodeURIComponent(iri) + pageQuery("rows")),
    ]);
  } catch (e) {
    if (my === entitySeq) panel.replaceChildren(el("p", { class: "stale" }, e.message));
    return;
  }
  if (my !== entitySeq) return;
  document.title = ent.name + " · vnkg";
  const facts = ent.facts.filter((f) => f.predicate !== "https://schema.org/name");
  const out = [
    el("h1", {}, ent.name), el("div", { class: "types" }, kindBadge(ent.kind), " ", ent.types.join(", "), " · ", el("a", { href: ent.url }, "link"),
      " · ", el("a", { href: "/api/entity?iri=" + encodeURIComponent(iri) }, "JSON")),
    ent.alternateNames.length ? el("p", { class: "also" }, "Also: " + ent.alternateNames.join("; ")) : null,
  ];
  if (tl.articles.length) {
    out.push(el("h2", {}, tl.total > tl.articles.length ? `Ranks and positions, article by article (${tl.total} articles)` : "Ranks and positions, article by article"));
    const body = el("tbody", {}, tl.articles.map(timelineRow));
    out.push(el("table", { class: "timeline" },
      el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Article"), el("th", {}, "Rank"), el("th", {}, "Position"))),
      body));
    if (tl.next) {
      let from = tl.next;
      const b = el("button", { class: "more more-rows", type: "button" }, `${tl.total - from} more article(s)`);
      b.addEventListener("click", async () => {
        b.disabled = true;
        try {
          const page = await api(`/api/timeline?iri=${encodeURIComponent(iri)}&from=${from}` + pageQuery("rows"));
          body.append(...page.articles.map(timelineRow));
          from = page.next || 0;
        } catch (e) { b.replaceWith(el("span", { class: "stale" }, e.message)); return; }
        b.disabled = false;
        if (!from) b.remove(); else b.textContent = `${tl.total - from} more article(s)`;
      });
      out.push(b);
    }
  }
  if (tl.events.length) {
    out.push(el("h2", {}, "Events"));
    out.push(el("ol", { class: "events" }, tl.events.map((e) => el("li", {},
      el("span", { class: "also" }, (e.date || "undated") + " "),
      el("a", { href: e.url }, truncate(e.name, 120)), " — ", e.roles.join(", ")))));
    if (tl.moreEvents) out.push(el("p", { class: "note" }, `${tl.moreEvents} more event(s): see the facts below.`));
  }
  const total = ent.groups ? ent.groups.filter((g) => g.predicate !== "https://schema.org/name").reduce((n, g) => n + g.facts, 0) : facts.length;
  out.push(el("h2", {}, `Facts (${total})`));
  // A predicate whose facts come in pages gets a button after its last
  // fact shown, for the next page.
  const paged = new Map((ent.groups || []).filter((g) => g.next).map((g) => [g.predicate + " " + !!g.in, g]));
  const button = (key) => {
    const g = paged.get(key);
    if (!g) return;
    paged.delete(key);
    const anchor = el("div", { class: "more-anchor" });
    out.push(anchor, moreFacts(iri, g, anchor));
  };
  facts.forEach((f, i) => {
    out.push(factItem(iri, f));
    const key = f.predicate + " " + !!f.in, nx = facts[i + 1];
    if (!nx || nx.predicate + " " + !!nx.in !== key) button(key);
  });
  for (const key of [...paged.keys()]) if (!key.startsWith("https://schema.org/name ")) button(key);
  if (ent.truncated && !ent.groups) out.push(el("p", { class: "note" }, "Only the first facts are listed."));
  panel.replaceChildren(...out.filter(Boolean));
}

// ---- the article page ----

async function showArticle(doc) {
  showView("article");
  const box = $("#article");
  box.replaceChildren(el("p", { class: "note" }, "Loading…"));
  let a;
  try {
    a = await api("/api/article?doc=" + encodeURIComponent(doc));
  } catch (e) { box.replaceChildren(el("p", { class: "stale" }, e.message)); return; }
  document.title = (a.title || a.doc) + " · vnkg";
  const kinds = new Set(a.text.filter((s) => s.kind).map((s) => s.kind));
  box.replaceChildren(...[
    el("h1", {}, a.title || a.doc),
    el("p", { class: "also" }, a.doc, a.date ? " · " + a.date : "",
      a.publisher ? el("span", { class: "publisher" }, " · ", el("a", { href: pageURL(a.publisher.iri) }, a.publisher.name)) : "",
      a.url ? el("span", {}, " · ", el("a", { class: "web", href: a.url, rel: "noreferrer", title: a.url }, "source ↗")) : "", ` · ${a.facts} facts`),
    a.note ? el("p", { class: "stale" }, a.note) : null,
    kinds.size ? el("div", { class: "legend" }, [...kinds].map(kindBadge)) : null,
    el("div", { class: "text" }, a.text.map((s) => s.kind
      ? el("a", { class: "m m-" + s.kind, href: s.iri ? pageURL(s.iri) : undefined, title: KINDS[kindOf(s.kind)].label, style: `background:${KINDS[kindOf(s.kind)].color}` }, s.t)
      : s.t)),
  ].filter(Boolean));
}

// ---- the Gizmo box ----

let gcy;
function setupGizmo() {
  const run = async () => {
    const src = $("#gizmo-src").value;
    const status = $("#gizmo-status");
    status.textContent = "Running…";
    const t0 = performance.now();
    let ans;
    try {
      ans = await api("/api/v2/query?lang=gizmo", { method: "POST", body: src });
    } catch (e) { status.textContent = "Error: " + e.message; $("#gizmo-table").replaceChildren(); return; }
    const rows = ans.result || [];
    status.textContent = `${rows.length} result(s) in ${Math.round(performance.now() - t0)} ms`;
    renderTable(rows);
    await renderResultGraph(rows);
  };
  $("#gizmo-run").addEventListener("click", run);
  $("#gizmo-src").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); } });
  const tabs = { table: $("#tab-table"), graph: $("#tab-graph") };
  const select = (which) => {
    for (const [k, b] of Object.entries(tabs)) b.setAttribute("aria-selected", String(k === which));
    $("#gizmo-table").hidden = which !== "table";
    $("#gizmo-graph").hidden = which !== "graph";
    if (which === "graph" && gcy) { gcy.resize(); gcy.fit(undefined, 30); }
  };
  tabs.table.addEventListener("click", () => select("table"));
  tabs.graph.addEventListener("click", () => select("graph"));
}

const isIRI = (v) => typeof v === "string" && v.length > 2 && v[0] === "<" && v[v.length - 1] === ">";

function cell(v) {
  if (isIRI(v)) { const iri = v.slice(1, -1); return el("a", { href: pageURL(iri) }, iri); }
  if (v !== null && typeof v === "object") return JSON.stringify(v);
  return v === undefined || v === null ? "" : String(v);
}

function renderTable(rows) {
  const cols = [];
  for (const r of rows) if (r && typeof r === "object" && !Array.isArray(r)) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const box = $("#gizmo-table");
  if (!cols.length) { box.replaceChildren(el("pre", {}, JSON.stringify(rows, null, 1))); return; }
  box.replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, cols.map((c) => el("th", {}, c)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, cols.map((c) => el("td", {}, cell(r[c]))))))));
}

async function renderResultGraph(rows) {
  const iris = new Set();
  const walk = (v) => {
    if (isIRI(v)) iris.add(v.slice(1, -1));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  rows.forEach(walk);
  if (!gcy) {
    gcy = makeGraph($("#gizmo-graph"));
    gcy.on("dbltap", "node", (ev) => navigate(pageURL(ev.target.id())));
  }
  gcy.elements().remove();
  if (!iris.size) return;
  const g = await api("/api/subgraph?format=json", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ nodes: [...iris].slice(0, 1000) }) });
  gcy.add(toElements(g));
  gcy.layout({ name: "cose", animate: false, randomize: false }).run();
  gcy.fit(undefined, 30);
}

// ---- routing ----

function showView(v) {
  $("#graph-view").hidden = v !== "graph";
  $("#article-view").hidden = v !== "article";
  $("#gizmo-view").hidden = v !== "gizmo";
  if (v === "graph" && cy) cy.resize();
}

function navigate(url) {
  history.pushState(null, "", url);
  route();
}

async function route() {
  const path = decodeURIComponent(location.pathname);
  const params = new URLSearchParams(location.search);
  if (path.startsWith("/article/")) return showArticle(path.slice("/article/".length));
  if (path.startsWith("/entity/")) return focus(ID + path.slice("/entity/".length));
  if (params.get("view") === "gizmo") { showView("gizmo"); document.title = "Gizmo · vnkg"; return; }
  if (params.get("iri")) return focus(params.get("iri"));
  const name = params.get("focus");
  if (name) {
    let ans;
    try {
      ans = await api("/api/search?limit=1&q=" + encodeURIComponent(name.normalize("NFC")));
    } catch (e) { $("#graph-note").textContent = e.message; return; }
    if (!ans.results.length) { showView("graph"); $("#panel").replaceChildren(el("p", { class: "stale" }, `Nothing is named “${name}”.`)); return; }
    history.replaceState(null, "", ans.results[0].url);
    return focus(ans.results[0].iri);
  }
  showView("graph");
  try {
    const info = await api("/api/info");
    $("#info").textContent = `${info.quads} quads, ${info.names} names in ${info.store}. Queries stop after ${info.queryTimeout} and ${info.maxResults} results.`;
  } catch {}
}

function start() {
  setupSearch();
  setupGraph();
  setupGizmo();
  for (const a of document.querySelectorAll("nav a, a.brand")) {
    a.addEventListener("click", (e) => { e.preventDefault(); navigate(a.getAttribute("href")); });
  }
  window.addEventListener("popstate", route);
  // Draw once the bundled font is there, so that labels measure right.
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(route);
}

start();
