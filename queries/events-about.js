// Events that reviewed a resolution or plan (schema:about), by date, with their chairs.
// @param resolution  IRI, name, identifier ("806-NQ/QUTW") or short name ("Nghị quyết 806")
// @columns date event kind chair resolution
//
// The resolution is found by schema:name, schema:alternateName or
// schema:legislationIdentifier among vnkg:Resolution and vnkg:Plan nodes.
var found = resolve(resolution, ["vnkg:Resolution", "vnkg:Plan"],
  ["schema:name", "schema:alternateName", "schema:legislationIdentifier"]);
var rows = [];
found.forEach(function (r) {
  ofTypes(uniq(g.V(r).in(P("schema:about")).toArray()), ["schema:Event"]).forEach(function (ev) {
    var start = g.V(ev).out(P("schema:startDate")).toValue();
    var kind = g.V(ev).out(P("vnkg:eventKind")).toValue();
    var row = {
      date: start === undefined ? null : start,
      event: nameOf(ev),
      kind: kind === undefined ? null : kind,
      chair: namesOf(g.V(ev).out(P("vnkg:chair")).toArray())
    };
    if (found.length > 1) row.resolution = nameOf(r);
    rows.push(row);
  });
});
rows.sort(byDate("date", ["event", "resolution"]));
emitAll(rows);
