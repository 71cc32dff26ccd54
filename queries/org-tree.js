// An organization and its sub-bodies (schema:parentOrganization), recursively, depth first.
// @param org  IRI, name or abbreviation of the organization ("Bộ Quốc phòng", "BQP")
// @columns depth organization abbreviation parent
//
// depth is 0 for the organization asked for; children follow their parent,
// sorted by name. A body reached twice (a cycle or two parents) is listed
// once, at its first place.
var roots = resolve(org, ["schema:GovernmentOrganization", "schema:Organization"]);
var seen = {};
roots.forEach(function (root) { walk(root, 0, null); });

function walk(node, depth, parent) {
  if (seen[node]) return;
  seen[node] = true;
  g.emit({
    depth: depth,
    organization: nameOf(node),
    abbreviation: uniq(g.V(node).out(P("schema:alternateName")).toArray()).map(lex).sort(),
    parent: parent === null ? null : nameOf(parent)
  });
  var children = uniq(g.V(node).in(P("schema:parentOrganization")).toArray());
  children.sort(function (a, b) { return cmp(nameOf(a), nameOf(b)) || cmp(a, b); });
  children.forEach(function (c) { walk(c, depth + 1, node); });
}
