// Helpers for the library's queries. The library appends this file to each
// query, so that line numbers in errors are the query file's own; it may hold
// only function declarations (they are hoisted, a var's value would not be).

// P expands a short form ("schema:name") or a bare IRI to Gizmo's "<iri>".
function P(s) {
  if (s.charAt(0) === "<") return s;
  if (/^https?:\/\//.test(s)) return "<" + s + ">";
  var i = s.indexOf(":");
  if (i > 0) {
    var ns = {
      rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
      schema: "https://schema.org/",
      vnkg: "https://w3id.org/vnkg/ns#",
      id: "https://w3id.org/vnkg/id/"
    }[s.slice(0, i)];
    if (ns) return "<" + ns + s.slice(i + 1) + ">";
  }
  return s;
}

// isIRI tells an IRI argument ("<…>" or "http(s)://…") from a name.
function isIRI(s) {
  return s.charAt(0) === "<" || /^https?:\/\//.test(s);
}

// lex is the lexical form of a node as Gizmo hands it to scripts: the IRI of
// "<iri>", the value of "\"v\"^^<type>", a plain string as is.
function lex(v) {
  if (v === null || v === undefined) return "";
  v = String(v);
  if (v.charAt(0) === "<" && v.charAt(v.length - 1) === ">") return v.slice(1, -1);
  var m = /^"([\s\S]*)"(\^\^<[^>]*>|@[A-Za-z0-9-]+)$/.exec(v);
  if (m) return m[1].replace(/\\(["\\nrt])/g, function (_, c) {
    return { n: "\n", r: "\r", t: "\t" }[c] || c;
  });
  return v;
}

// uniq keeps the first of equal values, in order.
function uniq(xs) {
  var seen = {}, out = [];
  xs.forEach(function (x) {
    var k = typeof x === "string" ? x : JSON.stringify(x);
    if (!seen[k]) { seen[k] = true; out.push(x); }
  });
  return out;
}

// vertices starts a path at the given nodes; never at every node, which is
// what g.V() with no argument means.
function vertices(nodes) {
  if (!nodes.length) return g.V("<urn:vnkg:none>");
  return g.V.apply(g, nodes);
}

// resolve finds the nodes an argument names. An IRI ("<…>" or "https://…")
// names itself. Otherwise the nodes whose name predicates (by default
// schema:name and schema:alternateName) equal the argument exactly; if none
// does, those whose names equal it ignoring case (Unicode simple case
// folding). The argument has been NFC-normalized when it was bound, and
// stored names are NFC. types, if given, keeps only nodes of those rdf:types.
function resolve(arg, types, preds) {
  if (isIRI(arg)) return [P(arg)];
  preds = (preds || ["schema:name", "schema:alternateName"]).map(P);
  var found = uniq(g.V(arg).in(preds).toArray());
  if (types) found = ofTypes(found, types);
  if (!found.length) {
    var re = "(?i)^" + arg.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&") + "$";
    found = uniq(g.V().filter(regex(re)).in(preds).toArray());
    if (types) found = ofTypes(found, types);
  }
  found.sort();
  return found;
}

// ofTypes keeps the nodes that have one of types as an rdf:type.
function ofTypes(nodes, types) {
  var want = {};
  types.forEach(function (t) { want[P(t)] = true; });
  return nodes.filter(function (n) {
    return g.V(n).out(P("rdf:type")).toArray().some(function (t) { return want[t]; });
  });
}

// nameOf is a node's schema:name, or its IRI if it has none.
function nameOf(n) {
  var v = g.V(n).out(P("schema:name")).toValue();
  return v === null || v === undefined ? lex(n) : lex(v);
}

// namesOf maps nodes to their names, sorted, without repeats.
function namesOf(nodes) {
  return uniq(nodes.map(nameOf)).sort();
}

// docsOf lists the documents (quad labels) that say anything about a node.
function docsOf(n) {
  return uniq(g.V(n).labels().toArray()).sort();
}

// dateOf is a document's schema:datePublished (as Gizmo spells a typed
// literal), or null.
function dateOf(doc) {
  var v = g.V(doc).out(P("schema:datePublished")).toValue();
  return v === undefined ? null : v;
}

// isFullDate tells a full xsd:date ("2016-08-17") from a partial one
// ("--08-17", a gMonthDay) or none.
function isFullDate(v) {
  return /^\d{4}-\d{2}-\d{2}/.test(lex(v));
}

// byDate orders rows by their key field (a date node): full dates first,
// ascending, then partial or missing dates; ties by the fields in then, as
// strings.
function byDate(key, then) {
  return function (a, b) {
    var fa = isFullDate(a[key]), fb = isFullDate(b[key]);
    if (fa !== fb) return fa ? -1 : 1;
    var c = cmp(lex(a[key]), lex(b[key]));
    for (var i = 0; c === 0 && then && i < then.length; i++) {
      c = cmp(String(a[then[i]]), String(b[then[i]]));
    }
    return c;
  };
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}


// emitAll emits each row.
function emitAll(rows) {
  rows.forEach(function (r) { g.emit(r); });
}
